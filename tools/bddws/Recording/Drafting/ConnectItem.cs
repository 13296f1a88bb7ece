using System.Text.Json.Nodes;

namespace BddWs.Cli.Recording.Drafting;

/// <summary>A connection opened: its path on the service, the headers worth sending again, and what its dialect sent to start.</summary>
internal sealed class ConnectItem(DraftConnection connection, string path) : DraftItem
{
    public override DraftConnection Connection => connection;

    public string Path { get; set; } = path;

    public List<(string Name, string Value)> Headers { get; } = [];

    public string? Subprotocol { get; set; }

    /// <summary>A hub's access token (the <c>access_token</c> query parameter), a GraphQL init payload or a Socket.IO auth.</summary>
    public string? AccessToken { get; set; }

    public JsonNode? Payload { get; set; }

    /// <summary>How the client answered the hub's questions (client results), by method: a result, or an error.</summary>
    public List<(string Method, JsonNode? Result, string? Error)> HubAnswers { get; } = [];

    /// <summary>The HTTP status that refused the connection, when the service did not open it.</summary>
    public int? RefusedWith { get; init; }

    public override IEnumerable<JsonNode> Sent => Payload is null ? [] : [Payload];

    public override void MapSentTexts(Func<string, string> map)
    {
        Path = map(Path);
        for (var i = 0; i < Headers.Count; i++)
        {
            Headers[i] = (Headers[i].Name, map(Headers[i].Value));
        }

        if (AccessToken is not null)
        {
            AccessToken = map(AccessToken);
        }
    }

    public override IEnumerable<DraftStep> Steps()
    {
        foreach (var (name, value) in Headers)
        {
            yield return new DraftStep(StepKind.Given, $"the request header {GherkinText.Quote(name)} is {GherkinText.Quote(value)}");
        }

        // Answers are given before the question can come: from the connection's start.
        foreach (var (method, result, error) in HubAnswers)
        {
            var answer = error is null ? GherkinText.Written(DraftJson.Compact(result)) : $"the error {GherkinText.Quote(error)}";
            yield return new DraftStep(StepKind.Given, $"{connection.Does("answer")} the hub's {method} with {answer}");
        }

        var path = GherkinText.Quote(Path);
        switch (connection.Dialect)
        {
            case Dialect.Hub:
                yield return new DraftStep(StepKind.Given, AccessToken is null
                    ? $"{connection.Is} connected to the hub {path}"
                    : $"{connection.Is} connected to the hub {path} with the access token {GherkinText.Quote(AccessToken)}");
                break;
            case Dialect.GraphQl:
                yield return Payload is null
                    ? new DraftStep(StepKind.Given, $"{connection.Is} connected to the GraphQL endpoint {path}")
                    : new DraftStep(StepKind.Given, $"{connection.Is} connected to the GraphQL endpoint {path} with the init payload:", DraftJson.Document(Payload));
                break;
            case Dialect.SocketIo:
                yield return Payload is null
                    ? new DraftStep(StepKind.Given, $"{connection.Is} connected to the Socket.IO namespace {path}")
                    : new DraftStep(StepKind.Given, $"{connection.Is} connected to the Socket.IO namespace {path} with the auth:", DraftJson.Document(Payload));
                break;
            case Dialect.Plain when RefusedWith is { } status:
                yield return new DraftStep(StepKind.When, $"{connection.Does("try")} to connect to {path}");
                yield return new DraftStep(StepKind.Then, $"connecting fails with status {status}");
                break;
            default:
                if (Subprotocol is not null)
                {
                    yield return new DraftStep(StepKind.Given, $"the subprotocol {GherkinText.Quote(Subprotocol)} is requested");
                }

                yield return new DraftStep(StepKind.Given, $"{connection.Is} connected to {path}");
                break;
        }
    }
}
