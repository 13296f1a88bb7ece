namespace BddWs.Cli.Recording.Drafting;

/// <summary>
/// One step of the draft: its kind, its sentence (a catalog sentence, its values written in), an
/// optional doc string, and comment lines written above it.
/// </summary>
internal sealed record DraftStep(StepKind Kind, string Text, string? DocString = null)
{
    public IReadOnlyList<string> Comments { get; init; } = [];
}
