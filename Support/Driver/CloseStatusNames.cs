using System.Net.WebSockets;

namespace BddWs.Driver;

/// <summary>
/// Close status codes by the names RFC 6455 and the IANA registry give them (<c>1001 GoingAway</c>),
/// also accepting .NET's enum names (<c>EndpointUnavailable</c>) when reading.
/// </summary>
public static class CloseStatusNames
{
    private static readonly Dictionary<int, string> Names = new()
    {
        [1000] = "NormalClosure",
        [1001] = "GoingAway",
        [1002] = "ProtocolError",
        [1003] = "UnsupportedData",
        [1005] = "NoStatusReceived",
        [1006] = "AbnormalClosure",
        [1007] = "InvalidPayloadData",
        [1008] = "PolicyViolation",
        [1009] = "MessageTooBig",
        [1010] = "MandatoryExtension",
        [1011] = "InternalError",
        [1012] = "ServiceRestart",
        [1013] = "TryAgainLater",
        [1014] = "BadGateway",
        [1015] = "TlsHandshake",
    };

    /// <summary>
    /// <c>GoingAway</c> for 1001; null for codes without a name (an application's own 3000–4999),
    /// which people call by their number alone.
    /// </summary>
    public static string? NameOf(WebSocketCloseStatus status) => Names.GetValueOrDefault((int)status);

    public static bool TryParse(string name, out WebSocketCloseStatus status)
    {
        foreach (var (code, known) in Names)
        {
            if (known.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                status = (WebSocketCloseStatus)code;
                return true;
            }
        }

        return Enum.TryParse(name, ignoreCase: true, out status) && !int.TryParse(name, out _);
    }

    public static IEnumerable<string> All => Names.Select(n => $"{n.Key} {n.Value}");
}
