using System.Text.Json.Nodes;

namespace BddWs.Cli.Recording.Drafting;

/// <summary>
/// A GraphQL operation over the connection: a subscription (named, its results judged one by one,
/// perhaps completed or stopped) or a query or mutation (its result).
/// </summary>
internal sealed class GraphQlItem(DraftConnection connection, string name, string query, JsonNode? variables, bool subscription) : DraftItem
{
    public override DraftConnection Connection => connection;

    public bool IsSubscription { get; } = subscription;

    public string Name { get; } = name;

    public override IEnumerable<JsonNode> Sent => variables is null ? [] : [variables];

    public override IEnumerable<DraftStep> Steps()
    {
        var withVariables = variables is null ? "" : $" with the variables {GherkinText.Quote(DraftJson.Compact(variables))}";
        yield return IsSubscription
            ? new DraftStep(StepKind.When, $"{connection.Does("subscribe")} as {GherkinText.Quote(Name)}{withVariables} to:", query)
            : new DraftStep(StepKind.When, $"{connection.Does("run")} the GraphQL operation{withVariables}:", query);
    }
}
