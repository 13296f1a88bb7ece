using System.Text.Json;

namespace BddWs.Cli.Recording.Har;

/// <summary>One entry of a HAR file, with what every later step asks of it.</summary>
/// <param name="Element">The entry as the file has it.</param>
/// <param name="Number">Its place in the file, from 1, for messages.</param>
/// <param name="Started">When it started, in milliseconds since 1970.</param>
/// <param name="Url">The request's URL.</param>
/// <param name="Status">The response's status; 0 when there was no response.</param>
/// <param name="IsWebSocket">Status 101, <c>_resourceType: websocket</c>, or a ws:// or wss:// URL.</param>
internal sealed record HarEntry(JsonElement Element, int Number, decimal Started, Uri Url, int Status, bool IsWebSocket)
{
    /// <summary>A WebSocket upgrade the service answered with an HTTP response (401, 404...): an HTTP exchange, no connection.</summary>
    public bool IsRefusedUpgrade => IsWebSocket && Status >= 200;
}
