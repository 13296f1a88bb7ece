namespace BddWs.Driver.Hubs;

/// <summary>
/// The JSON hub protocol's framing: every record is JSON text ending with the record separator
/// 0x1E, and one WebSocket text message may carry several records. JSON text never holds the
/// separator (it would have to be escaped), so splitting on it is safe.
/// </summary>
public static class HubFraming
{
    public const char RecordSeparator = '\u001e';

    /// <summary>A record as it goes on the wire: the text and the separator.</summary>
    public static string Frame(string record) => record + RecordSeparator;

    /// <summary>
    /// The records of one text message, without their separators. Text after the last separator
    /// (a record the server did not end) is kept as a record of its own, so that nothing the server
    /// sent is lost: it then reads as what it is, not a hub record.
    /// </summary>
    public static IReadOnlyList<string> Split(string text)
    {
        var parts = text.Split(RecordSeparator);
        // A well-formed message ends with a separator, which leaves an empty last part.
        return parts[^1].Length == 0 ? parts[..^1] : parts;
    }
}
