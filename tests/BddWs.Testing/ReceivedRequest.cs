namespace BddWs.Testing;

/// <summary>A request as <see cref="HttpFake"/> received it: method, path with query, headers (any case) and body.</summary>
public sealed record ReceivedRequest(string Method, string PathAndQuery, IReadOnlyDictionary<string, string> Headers, string Body);
