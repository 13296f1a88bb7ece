using System.Text.Json.Nodes;

namespace BddWs.Cli.Recording.Drafting;

/// <summary>
/// One moment of the session as the draft tells it (a connection opened, a message sent, an HTTP
/// call and its answer …), its values still open to change: what arrived becomes an expectation
/// with placeholders, what was sent gets remembered values and secrets from the environment.
/// </summary>
internal abstract class DraftItem
{
    /// <summary>The connection it happened on; null for HTTP.</summary>
    public virtual DraftConnection? Connection => null;

    /// <summary>What arrived, as JSON documents the draft expects.</summary>
    public virtual IEnumerable<JsonNode> Arrived => [];

    /// <summary>What was sent, as JSON documents.</summary>
    public virtual IEnumerable<JsonNode> Sent => [];

    /// <summary>True when a value that arrived here can be remembered; false where the sentence keeps no value (hub calls).</summary>
    public virtual bool CanRemember => true;

    /// <summary>Environment variables its steps read, secrets the recording's values of are not kept.</summary>
    public List<string> Environment { get; } = [];

    /// <summary>Changes every text sent that is not JSON: paths, header values, text messages.</summary>
    public virtual void MapSentTexts(Func<string, string> map)
    {
    }

    /// <summary>True for a value that arrived beside the expectations (a response header): remembered only when nothing else carried it.</summary>
    public virtual bool IsAside(JsonValue leaf) => false;

    /// <summary>Remembers <paramref name="leaf"/>, a value that arrived here, as <paramref name="name"/>.</summary>
    public virtual void Remember(JsonValue leaf, string name) => DraftJson.Replace(leaf, $"(remember {name})");

    public abstract IEnumerable<DraftStep> Steps();
}
