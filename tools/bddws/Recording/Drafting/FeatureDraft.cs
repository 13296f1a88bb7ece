namespace BddWs.Cli.Recording.Drafting;

/// <summary>
/// The draft of a feature from recordings of one session: catalog sentences only, what was sent as
/// steps, what arrived as expectations that will hold next time.
/// </summary>
public static class FeatureDraft
{
    /// <summary>
    /// The feature file's text. <paramref name="recordings"/> are one or more recordings of the same
    /// session; with two or more, a value that differs between them is written as a placeholder.
    /// </summary>
    public static string Write(IReadOnlyList<RecordedSession> recordings, DraftOptions options) => throw new NotImplementedException();
}
