namespace BddWs.Driver.Http;

/// <summary>
/// One request of a scenario and how it ended: answered (<see cref="Reply"/>) or not
/// (<see cref="Failure"/>). <see cref="Sent"/> and <see cref="Ended"/> are on the
/// <see cref="Timeline"/>, the clock of the WebSocket events too.
/// </summary>
public sealed record HttpExchange(
    string Method,
    Uri Url,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    HttpBody? Body,
    TimeSpan Sent,
    TimeSpan Ended,
    HttpReply? Reply,
    string? Failure)
{
    /// <summary>The named instance of the service the request went to; null for the server under test.</summary>
    public string? Instance { get; init; }

    /// <summary><c>POST http://127.0.0.1:5000/api/orders</c>, secrets in the URL masked.</summary>
    public string Request => $"{Method} {Secrets.Url(Url)}";
}
