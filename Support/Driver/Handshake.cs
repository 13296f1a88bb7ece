using System.Net;

namespace BddWs.Driver;

/// <summary>The server's answer to the opening handshake, successful or not.</summary>
public sealed record Handshake(HttpStatusCode? Status, IReadOnlyDictionary<string, IReadOnlyList<string>> Headers, string? SubProtocol)
{
    /// <summary>The header's values joined by ", " (any case of its name); null when the answer has none.</summary>
    public string? Header(string name) => Headers.TryGetValue(name, out var values) ? string.Join(", ", values) : null;

    /// <summary>The header names in alphabetical order, or <c>none</c>: what a failure lists when one is missing.</summary>
    public string HeaderNames => Headers.Count == 0 ? "none" : string.Join(", ", Headers.Keys.Order(StringComparer.OrdinalIgnoreCase));
}
