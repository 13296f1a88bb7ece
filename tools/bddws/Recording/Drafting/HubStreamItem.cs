using System.Text.Json.Nodes;

namespace BddWs.Cli.Recording.Drafting;

/// <summary>A hub method that streamed items back, and how the stream ended: completed, or failed.</summary>
internal sealed class HubStreamItem(DraftConnection connection, string target, JsonArray arguments) : DraftItem
{
    public override DraftConnection Connection => connection;

    public JsonArray Items { get; } = [];

    public bool Completed { get; set; }

    public string? Error { get; set; }

    public override IEnumerable<JsonNode> Sent => [arguments];

    // "the stream yields" compares the items as they are: no placeholders there.
    public override bool CanRemember => false;

    public override IEnumerable<DraftStep> Steps()
    {
        yield return new DraftStep(StepKind.When, $"{connection.Does("stream")} {HubCall.Write(target, arguments)}");
        if (Error is not null)
        {
            yield return new DraftStep(StepKind.Then, $"the stream fails with {GherkinText.Quote(Error)}");
        }
        else if (Completed)
        {
            yield return new DraftStep(StepKind.Then, $"the stream yields {Values()} and completes");
        }
    }

    private string Values()
    {
        var values = Items.Select(i => GherkinText.Written(DraftJson.Compact(i))).ToList();
        return values.Count switch
        {
            0 => "nothing",
            1 => values[0],
            _ => $"{string.Join(", ", values.Take(values.Count - 1))} and {values[^1]}",
        };
    }
}
