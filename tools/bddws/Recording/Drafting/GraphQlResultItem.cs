using System.Text.Json.Nodes;

namespace BddWs.Cli.Recording.Drafting;

/// <summary>What the server answered an operation: a result (of a subscription, or of a query or mutation), an error, or the end of a subscription.</summary>
internal sealed class GraphQlResultItem(DraftConnection connection, GraphQlItem operation, JsonNode? result, string? error, bool completed) : DraftItem
{
    public override DraftConnection Connection => connection;

    public override IEnumerable<JsonNode> Arrived => result is null ? [] : [result];

    public override IEnumerable<DraftStep> Steps()
    {
        if (error is not null)
        {
            yield return operation.IsSubscription
                ? new DraftStep(StepKind.Then, $"the subscription {GherkinText.Quote(operation.Name)} fails with {GherkinText.Quote(error)}")
                : new DraftStep(StepKind.Then, $"the operation fails with {GherkinText.Quote(error)}");
        }
        else if (completed)
        {
            yield return new DraftStep(StepKind.Then, $"the subscription {GherkinText.Quote(operation.Name)} completes");
        }
        else if (operation.IsSubscription)
        {
            yield return new DraftStep(StepKind.Then, $"the next result of {GherkinText.Quote(operation.Name)} is JSON containing:", DraftJson.Document(result));
        }
        else
        {
            yield return new DraftStep(StepKind.Then, "the result of the operation is JSON containing:", DraftJson.Document(result));
        }
    }
}
