using System.Text.Json.Nodes;

namespace BddWs.Cli.Recording.Drafting;

/// <summary>A plain WebSocket message, sent or received: JSON, text or bytes.</summary>
internal sealed class MessageItem(DraftConnection connection, bool fromClient, string text, bool binary) : DraftItem
{
    public override DraftConnection Connection => connection;

    public bool FromClient { get; } = fromClient;

    /// <summary>The message as JSON, when it is.</summary>
    public JsonNode? Json { get; } = binary ? null : DraftJson.TryParse(text);

    public string Text { get; private set; } = text;

    public override IEnumerable<JsonNode> Arrived => !FromClient && Json is not null ? [Json] : [];

    public override IEnumerable<JsonNode> Sent => FromClient && Json is not null ? [Json] : [];

    public override void MapSentTexts(Func<string, string> map)
    {
        if (FromClient && Json is null && !binary)
        {
            Text = map(Text);
        }
    }

    public override IEnumerable<DraftStep> Steps()
    {
        if (FromClient)
        {
            yield return binary
                ? new DraftStep(StepKind.When, $"{connection.Does("send")} the base64 bytes {GherkinText.Quote(Text)}")
                : Json is not null
                    ? new DraftStep(StepKind.When, $"{connection.Does("send")} the JSON:", DraftJson.Document(Json))
                    : GherkinText.FitsOnALine(Text)
                        ? new DraftStep(StepKind.When, $"{connection.Does("send")} {GherkinText.Quote(Text)}")
                        : new DraftStep(StepKind.When, $"{connection.Does("send")}:", Text);
            yield break;
        }

        if (binary)
        {
            yield return new DraftStep(StepKind.Then, $"{connection.Does("receive")} the bytes {GherkinText.Quote(Hex(Text))}");
        }
        else if (Json is not null)
        {
            yield return new DraftStep(StepKind.Then, $"{connection.Does("receive")} a JSON message containing:", DraftJson.Document(Json));
        }
        else if (GherkinText.FitsOnALine(Text))
        {
            yield return new DraftStep(StepKind.Then, $"{connection.Does("receive")} the message {GherkinText.Quote(Text)}");
        }
        else
        {
            // No sentence takes a received text as a doc string: its first line is what it must contain.
            yield return new DraftStep(StepKind.Then, $"{connection.Does("receive")} a message containing {GherkinText.Quote(Text.Split('\n')[0].TrimEnd('\r'))}");
        }
    }

    private static string Hex(string base64) => string.Join(' ', Convert.FromBase64String(base64).Select(b => b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture)));
}
