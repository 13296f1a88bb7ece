namespace BddWs.Cli.Recording.Drafting;

/// <summary>The client stopped a subscription.</summary>
internal sealed class GraphQlStopItem(DraftConnection connection, GraphQlItem operation) : DraftItem
{
    public override DraftConnection Connection => connection;

    public override IEnumerable<DraftStep> Steps() =>
        [new DraftStep(StepKind.When, $"{connection.Does("unsubscribe")} from {GherkinText.Quote(operation.Name)}")];
}
