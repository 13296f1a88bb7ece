using System.Text.Json.Nodes;

namespace BddWs.Cli.Recording.Drafting;

/// <summary>An event the client emitted on its namespace, perhaps asking for an acknowledgement, and the acknowledgement.</summary>
internal sealed class SocketIoEmitItem(DraftConnection connection, string eventName, JsonArray arguments, bool asksForAcknowledgement) : DraftItem
{
    public override DraftConnection Connection => connection;

    /// <summary>The server's acknowledgement, once it came.</summary>
    public JsonArray? Acknowledgement { get; set; }

    public override IEnumerable<JsonNode> Sent => [arguments];

    public override IEnumerable<JsonNode> Arrived => Acknowledgement is null ? [] : [Acknowledgement];

    public override IEnumerable<DraftStep> Steps()
    {
        var emit = $"{connection.Does("emit")} {GherkinText.Quote(eventName)}";
        var values = SocketIoArguments.Write(arguments);
        yield return asksForAcknowledgement
            ? new DraftStep(StepKind.When, arguments.Count == 0 ? $"{emit} asking for an acknowledgement" : $"{emit} asking for an acknowledgement with {values}")
            : new DraftStep(StepKind.When, arguments.Count == 0 ? emit : $"{emit} with {values}");
        if (Acknowledgement is { Count: > 0 } acknowledgement)
        {
            yield return new DraftStep(StepKind.Then, $"the acknowledgement is {SocketIoArguments.Write(acknowledgement)}");
        }
    }
}
