using System.Text.Json.Nodes;

namespace BddWs.Cli.Recording.Drafting;

/// <summary>
/// An HTTP call in its place: the headers worth sending (set before it, dropped when no longer
/// sent), the request, its status, what the response JSON contains, and the values a later step uses.
/// </summary>
internal sealed class HttpItem(string method, string path) : DraftItem
{
    private readonly List<(string Path, string Name)> _remembered = [];
    private readonly List<(string Header, string Name)> _rememberedHeaders = [];

    public string Method { get; } = method;

    public string Path { get; set; } = path;

    /// <summary>Headers to set from this call on (<c>the HTTP header … is …</c>).</summary>
    public List<(string Name, string Value)> SetHeaders { get; } = [];

    /// <summary>Headers set before and not sent with this call.</summary>
    public List<string> DroppedHeaders { get; } = [];

    public JsonNode? JsonBody { get; init; }

    public string? TextBody { get; set; }

    public int Status { get; init; }

    public JsonNode? ResponseJson { get; init; }

    public string? ResponseText { get; init; }

    /// <summary>
    /// Response headers whose value the app may send back (<c>X-Auth-Token</c>, <c>Location</c>), by name:
    /// never written as expectations, only remembered when a later step uses their value.
    /// </summary>
    public JsonObject ResponseHeaders { get; } = [];

    /// <summary>A login: told as setting the scene (Given), not as what the user does.</summary>
    public bool IsLogin => Path.Contains("login", StringComparison.OrdinalIgnoreCase) || Path.Contains("signin", StringComparison.OrdinalIgnoreCase)
        || Path.Contains("/token", StringComparison.OrdinalIgnoreCase) || Path.Contains("/auth", StringComparison.OrdinalIgnoreCase);

    public override IEnumerable<JsonNode> Arrived => ResponseJson is null ? [ResponseHeaders] : [ResponseHeaders, ResponseJson];

    public override IEnumerable<JsonNode> Sent => JsonBody is null ? [] : [JsonBody];

    public override void MapSentTexts(Func<string, string> map)
    {
        Path = map(Path);
        for (var i = 0; i < SetHeaders.Count; i++)
        {
            SetHeaders[i] = (SetHeaders[i].Name, map(SetHeaders[i].Value));
        }

        if (TextBody is not null)
        {
            TextBody = map(TextBody);
        }
    }

    /// <summary>
    /// Remembered by a sentence after the response's expectations; in the document the value becomes
    /// the placeholder of its kind, since the next run's will differ.
    /// </summary>
    public override bool IsAside(JsonValue leaf) => leaf.Parent == ResponseHeaders;

    public override void Remember(JsonValue leaf, string name)
    {
        if (leaf.Parent == ResponseHeaders)
        {
            _rememberedHeaders.Add((leaf.GetPropertyName(), name));
            return;
        }

        _remembered.Add((leaf.GetPath(), name));
        DraftJson.Replace(leaf, GeneratedValues.Placeholder(leaf));
    }

    public override IEnumerable<DraftStep> Steps()
    {
        var act = IsLogin ? StepKind.Given : StepKind.When;
        foreach (var name in DroppedHeaders)
        {
            yield return new DraftStep(StepKind.Given, $"the HTTP header {GherkinText.Quote(name)} is not sent");
        }

        foreach (var (name, value) in SetHeaders)
        {
            yield return new DraftStep(StepKind.Given, $"the HTTP header {GherkinText.Quote(name)} is {GherkinText.Quote(value)}");
        }

        var request = $"I send a {Method} request to {GherkinText.Quote(Path)}";
        yield return JsonBody is not null
            ? new DraftStep(act, $"{request} with the JSON:", DraftJson.Document(JsonBody))
            : TextBody is not null
                ? new DraftStep(act, $"{request} with the text:", TextBody)
                : new DraftStep(act, request);
        yield return new DraftStep(StepKind.Then, $"the response status is {Status}");
        if (ResponseJson is not null)
        {
            yield return new DraftStep(StepKind.Then, "the response JSON contains:", DraftJson.Document(ResponseJson));
        }
        else if (ResponseText is { Length: > 0 and <= 200 } text && GherkinText.FitsOnALine(text))
        {
            yield return new DraftStep(StepKind.Then, $"the response body contains {GherkinText.Quote(text)}");
        }

        foreach (var (path, name) in _remembered)
        {
            yield return new DraftStep(StepKind.Then, $"I remember {GherkinText.Quote(path)} of the response as {GherkinText.Quote(name)}");
        }

        foreach (var (header, name) in _rememberedHeaders)
        {
            yield return new DraftStep(StepKind.Then, $"I remember the response header {GherkinText.Quote(header)} as {GherkinText.Quote(name)}");
        }
    }
}
