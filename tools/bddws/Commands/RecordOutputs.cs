using BddWs.Cli.Recording;
using BddWs.Cli.Recording.Drafting;
using BddWs.Cli.Recording.Har;

namespace BddWs.Cli.Commands;

/// <summary>How <c>record</c> reads and writes recordings and drafts; the tests of the proxy give their own.</summary>
public sealed record RecordOutputs(
    Func<IReadOnlyList<RecordedSession>, DraftOptions, string> Draft,
    Action<RecordedSession, string> WriteHar,
    Func<string, HarReading> ReadHar)
{
    public static RecordOutputs Default { get; } = new(FeatureDraft.Write, HarFile.Write, HarFile.ReadWithNotes);
}
