namespace BddWs.Cli.Recording;

/// <summary>
/// An HTTP request and its response. Bodies are text as sent (null when there was none); a binary
/// body is base64 with <paramref name="BodiesAreBase64"/> set. Header names keep their case as recorded.
/// </summary>
public sealed record HttpExchange(
    TimeSpan At,
    string Method,
    Uri Url,
    IReadOnlyList<RecordedHeader> RequestHeaders,
    string? RequestBody,
    int Status,
    IReadOnlyList<RecordedHeader> ResponseHeaders,
    string? ResponseBody,
    bool BodiesAreBase64 = false) : RecordedEvent(At);
