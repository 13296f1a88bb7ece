using System.Text.Json.Nodes;

namespace BddWs.Driver.Contracts;

/// <summary>
/// An AsyncAPI 2.6 or 3.0 document (YAML or JSON) read as WebSocket channels: for each channel,
/// the messages a client may send and those it may receive, each with its payload's JSON Schema
/// (validated by JsonSchema.Net). The contract describes the service, so in 2.6 <c>publish</c> is
/// what the client sends and <c>subscribe</c> what it receives; in 3.0 an operation's
/// <c>receive</c> is what the client sends and <c>send</c> what it receives.
/// </summary>
public sealed class AsyncApiContract
{
    private AsyncApiContract(string name, IReadOnlyList<ContractChannel> channels)
    {
        Name = name;
        Channels = channels;
    }

    /// <summary>The file's name as the feature wrote it (<c>contracts/json.yaml</c>).</summary>
    public string Name { get; }

    public IReadOnlyList<ContractChannel> Channels { get; }

    /// <summary>The contract in the file at <paramref name="path"/>; one clear line when it cannot be read or used.</summary>
    public static AsyncApiContract Load(string name, string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new FormatException($"The contract \"{name}\" cannot be read: {ex.Message.TrimEnd('.', ' ')}.", ex);
        }

        return Read(name, text, path);
    }

    /// <summary>The contract in <paramref name="text"/>, from the file <paramref name="name"/> at <paramref name="path"/>.</summary>
    public static AsyncApiContract Read(string name, string text, string path)
    {
        var document = ContractText.Parse(name, text);
        var version = document is JsonObject root && root.TryGetPropertyValue("asyncapi", out var given) && given is JsonValue value
            ? value.ToString()
            : throw new FormatException($"The contract \"{name}\" is not an AsyncAPI document: it has no \"asyncapi\" version.");
        var references = new ContractReferences(name, document);
        var channels = Major(version) switch
        {
            "2" when Minor(version) <= 6 => AsyncApi2Channels.Read(name, path, document, references),
            "3" when Minor(version) == 0 => AsyncApi3Channels.Read(name, path, document, references),
            _ => throw new FormatException($"The contract \"{name}\" is AsyncAPI {version}; the suite reads AsyncAPI 2.6 (and earlier 2.x) and 3.0."),
        };
        return new AsyncApiContract(name, channels);
    }

    /// <summary>The channel a connection to <paramref name="url"/> is on, by its path; null when the contract has none there.</summary>
    public ContractChannel? ChannelFor(Uri url) => Channels.FirstOrDefault(c => c.Serves(url.AbsolutePath));

    /// <summary>The message of this name, in whichever channel and direction it is first described.</summary>
    public ContractMessage Message(string name)
    {
        var all = Channels.SelectMany(c => c.Sent.Concat(c.Received)).ToList();
        return all.FirstOrDefault(m => m.Name == name)
            ?? throw new ArgumentException($"The contract \"{Name}\" has no message \"{name}\"; it has: {string.Join(", ", all.Select(m => m.Name).Distinct())}.");
    }

    private static string Major(string version) => version.Split('.')[0];

    private static int Minor(string version) =>
        version.Split('.') is [_, var minor, ..] && int.TryParse(minor, out var number) ? number : -1;
}
