using System.Text.Json.Nodes;

namespace BddWs.Cli.Recording.Drafting;

/// <summary>A client method the hub called on the connection, with its arguments; a question when the hub waited for an answer.</summary>
internal sealed class HubReceiveItem(DraftConnection connection, string target, JsonArray arguments, bool question) : DraftItem
{
    public override DraftConnection Connection => connection;

    public override IEnumerable<JsonNode> Arrived => [arguments];

    // A hub call keeps no value: "(remember x)" is refused there.
    public override bool CanRemember => false;

    public override IEnumerable<DraftStep> Steps() => question
        ? [new DraftStep(StepKind.Then, connection.Name is null ? $"I was asked {HubCall.Write(target, arguments)}" : $"{GherkinText.Quote(connection.Name)} was asked {HubCall.Write(target, arguments)}")]
        : [new DraftStep(StepKind.Then, $"{connection.Does("receive")} {HubCall.Write(target, arguments)}")];
}
