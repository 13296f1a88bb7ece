namespace BddWs.Cli.Recording.Drafting;

/// <summary>Messages that came again and again and answered nothing (heartbeats, pings), left out by one rule.</summary>
internal sealed class IgnoreItem(DraftConnection connection, string? path, string value) : DraftItem
{
    public override DraftConnection Connection => connection;

    public override IEnumerable<DraftStep> Steps() =>
    [
        path is null
            ? new DraftStep(StepKind.Given, $"{connection.Does("ignore")} messages matching {GherkinText.Quote(value)}")
            : new DraftStep(StepKind.Given, $"{connection.Does("ignore")} messages where {GherkinText.Quote(path)} is {GherkinText.Quote(value)}"),
    ];
}
