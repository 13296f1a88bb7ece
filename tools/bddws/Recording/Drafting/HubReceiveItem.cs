using System.Text.Json.Nodes;

namespace BddWs.Cli.Recording.Drafting;

/// <summary>A client method the hub called on the connection, with its arguments.</summary>
internal sealed class HubReceiveItem(DraftConnection connection, string target, JsonArray arguments) : DraftItem
{
    public override DraftConnection Connection => connection;

    public override IEnumerable<JsonNode> Arrived => [arguments];

    // A hub call keeps no value: "(remember x)" is refused there.
    public override bool CanRemember => false;

    public override IEnumerable<DraftStep> Steps() =>
        [new DraftStep(StepKind.Then, $"{connection.Does("receive")} {HubCall.Write(target, arguments)}")];
}
