using System.Text.Json;

namespace BddWs.Server.Tests.Helpers;

/// <summary>
/// The JSON hub protocol's records on a plain WebSocket: each is JSON text ending with 0x1E, and one
/// WebSocket message may carry several (SignalR writes what is ready together). Hub pings (type 6) are passed over.
/// </summary>
public sealed class HubRecords(TestClient client)
{
    public const char Separator = '\u001e';

    private readonly Queue<string> _pending = new();

    /// <summary>Sends the handshake for the JSON protocol, version 1, and returns the server's answer record.</summary>
    public async Task<string> HandshakeAsync()
    {
        await SendAsync("""{"protocol":"json","version":1}""");
        return await NextAsync(skipPings: false);
    }

    public Task SendAsync(string record) => client.SendTextAsync(record + Separator);

    /// <summary>The next record, without its separator.</summary>
    public async Task<string> NextAsync(bool skipPings = true)
    {
        while (true)
        {
            while (_pending.Count == 0)
            {
                var text = await client.ReceiveTextAsync();
                if (!text.EndsWith(Separator))
                {
                    throw new InvalidOperationException($"A hub message must end with a record separator: {text}");
                }

                foreach (var record in text[..^1].Split(Separator))
                {
                    _pending.Enqueue(record);
                }
            }

            var next = _pending.Dequeue();
            if (!skipPings || !IsPing(next))
            {
                return next;
            }
        }
    }

    private static bool IsPing(string record)
    {
        using var json = JsonDocument.Parse(record);
        return json.RootElement.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.Number && type.GetInt32() == 6;
    }
}
