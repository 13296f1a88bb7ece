using System.Text.Json.Nodes;

namespace BddWs.Cli.Recording.Drafting;

/// <summary>An event the server emitted to the connection's namespace.</summary>
internal sealed class SocketIoEventItem(DraftConnection connection, string eventName, JsonArray arguments) : DraftItem
{
    public override DraftConnection Connection => connection;

    public override IEnumerable<JsonNode> Arrived => [arguments];

    // The reader keeps only events with arguments: the sentence names them.
    public override IEnumerable<DraftStep> Steps() =>
        [new DraftStep(StepKind.Then, $"{connection.Does("receive")} the event {GherkinText.Quote(eventName)} with {SocketIoArguments.Write(arguments)}")];
}
