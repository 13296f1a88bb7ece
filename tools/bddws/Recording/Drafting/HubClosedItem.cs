namespace BddWs.Cli.Recording.Drafting;

/// <summary>The hub ended the connection with an error (its close record).</summary>
internal sealed class HubClosedItem(DraftConnection connection, string error) : DraftItem
{
    public override DraftConnection Connection => connection;

    public override IEnumerable<DraftStep> Steps() =>
        [new DraftStep(StepKind.Then, $"the hub closes the connection with the error {GherkinText.Quote(error)}")];
}
