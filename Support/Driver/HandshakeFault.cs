using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace BddWs.Driver;

/// <summary>
/// What is wrong with a 101 answer the WebSocket library refused, read from the headers the
/// server sent and the key the client sent (RFC 6455 section 4.1, the client's checks).
/// </summary>
public static partial class HandshakeFault
{
    private const string KeyGuid = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    /// <summary>One clause for "Could not connect to …: &lt;clause&gt;"; null if no header explains the refusal.</summary>
    public static string? Explain(Handshake? handshake, string? requestHead)
    {
        if (handshake is null)
        {
            return null;
        }

        var upgrade = handshake.Header("Upgrade");
        if (!string.Equals(upgrade, "websocket", StringComparison.OrdinalIgnoreCase))
        {
            return $"the server's handshake answer has {Shown("Upgrade", upgrade)} instead of \"websocket\" (RFC 6455 section 4.1)";
        }

        var connection = handshake.Header("Connection");
        if (connection is null || !connection.Split(',').Any(token => token.Trim().Equals("upgrade", StringComparison.OrdinalIgnoreCase)))
        {
            return $"the server's handshake answer has {Shown("Connection", connection)} instead of \"Upgrade\" (RFC 6455 section 4.1)";
        }

        var accept = handshake.Header("Sec-WebSocket-Accept");
        if (requestHead is not null && KeyLine().Match(requestHead) is { Success: true } key && accept != AcceptFor(key.Groups[1].Value.Trim()))
        {
            return $"the server's handshake answer has {Shown("Sec-WebSocket-Accept", accept)}, not the value computed from the client's key " +
                   $"(\"{AcceptFor(key.Groups[1].Value.Trim())}\", RFC 6455 section 4.2.2)";
        }

        var offered = requestHead is null ? [] : ProtocolLine().Matches(requestHead).SelectMany(m => m.Groups[1].Value.Split(',', StringSplitOptions.TrimEntries)).ToList();
        if (handshake.Header("Sec-WebSocket-Protocol") is { } chosen && !offered.Contains(chosen))
        {
            return $"the server's handshake answer chose the subprotocol \"{chosen}\", which the client did not offer (RFC 6455 section 4.1)";
        }

        return null;
    }

    private static string AcceptFor(string key) => Convert.ToBase64String(SHA1.HashData(Encoding.ASCII.GetBytes(key + KeyGuid)));

    private static string Shown(string name, string? value) => value is null ? $"no {name} header" : $"{name} \"{value}\"";

    [GeneratedRegex(@"^Sec-WebSocket-Key:(.*)$", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex KeyLine();

    [GeneratedRegex(@"^Sec-WebSocket-Protocol:(.*)$", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex ProtocolLine();
}
