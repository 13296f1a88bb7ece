using System.Text.Json.Nodes;

namespace BddWs.Cli.Recording.Drafting;

/// <summary>A hub method the client called, and how the call completed: its result, or its error.</summary>
internal sealed class HubInvokeItem(DraftConnection connection, string target, JsonArray arguments, string? invocationId) : DraftItem
{
    public override DraftConnection Connection => connection;

    public string? InvocationId { get; } = invocationId;

    public JsonArray Arguments { get; } = arguments;

    /// <summary>The result it completed with; null when it returned nothing (or has not completed).</summary>
    public JsonNode? Result { get; set; }

    public bool HasResult { get; set; }

    public string? Error { get; set; }

    public override IEnumerable<JsonNode> Sent => [Arguments];

    public override IEnumerable<JsonNode> Arrived => HasResult && Result is JsonObject or JsonArray ? [Result!] : [];

    public override IEnumerable<DraftStep> Steps()
    {
        yield return new DraftStep(StepKind.When, $"{connection.Does("invoke")} {HubCall.Write(target, Arguments)}");
        if (Error is not null)
        {
            yield return new DraftStep(StepKind.Then, $"the invocation fails with {GherkinText.Quote(Error)}");
        }
        else if (HasResult && Result is JsonObject or JsonArray)
        {
            yield return new DraftStep(StepKind.Then, "the invocation returns:", DraftJson.Document(Result));
        }
        else if (HasResult)
        {
            yield return new DraftStep(StepKind.Then, $"the invocation returns {GherkinText.Written(DraftJson.Compact(Result))}");
        }
    }
}
