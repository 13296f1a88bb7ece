namespace BddWs.Cli.Recording.Drafting;

/// <summary>A recording read as the draft tells it: its moments in order and its connections.</summary>
internal sealed record DraftSession(IReadOnlyList<DraftItem> Items, IReadOnlyList<DraftConnection> Connections);
