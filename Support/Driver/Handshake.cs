using System.Net;

namespace BddWs.Driver;

/// <summary>The server's answer to the opening handshake, successful or not.</summary>
public sealed record Handshake(HttpStatusCode? Status, IReadOnlyDictionary<string, IReadOnlyList<string>> Headers, string? SubProtocol);
