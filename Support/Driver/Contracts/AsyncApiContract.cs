using System.Text.Json.Nodes;

namespace BddWs.Driver.Contracts;

/// <summary>
/// An AsyncAPI document (2.0 to 2.6, 3.0 or 3.1; YAML or JSON) read as WebSocket channels: for each
/// channel, the messages a client may send and those it may receive, each with its payload's schema
/// (validated by JsonSchema.Net, as draft-07 unless the message names another JSON Schema draft). The
/// document is first checked against the official AsyncAPI JSON Schema of its version, so a mistake in
/// it is named, with its path, before any message is judged. The contract describes the service, so in
/// 2.x <c>publish</c> is what the client sends and <c>subscribe</c> what it receives; in 3.x an
/// operation's <c>receive</c> is what the client sends and <c>send</c> what it receives.
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

    /// <summary>
    /// The contract in the file at <paramref name="path"/>; one clear line when it cannot be read or used.
    /// <paramref name="formatAsserted"/> makes <c>format</c> in its payloads an assertion (draft-07 makes it an annotation).
    /// </summary>
    public static AsyncApiContract Load(string name, string path, bool formatAsserted = false)
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

        return Read(name, text, path, formatAsserted);
    }

    /// <summary>The contract in <paramref name="text"/>, from the file <paramref name="name"/> at <paramref name="path"/>.</summary>
    public static AsyncApiContract Read(string name, string text, string path, bool formatAsserted = false)
    {
        var document = ContractText.Parse(name, text);
        var version = document is JsonObject root && root.TryGetPropertyValue("asyncapi", out var given) && given is JsonValue value
            ? value.ToString()
            : throw new FormatException($"The contract \"{name}\" is not an AsyncAPI document: it has no \"asyncapi\" version.");
        if (!AsyncApiSchemas.Knows(version))
        {
            throw new FormatException($"The contract \"{name}\" is AsyncAPI {version}; the suite reads AsyncAPI 2.0.0 to 2.6.0, 3.0.0 and 3.1.0.");
        }

        if (AsyncApiSchemas.MistakeIn(version, document) is { } mistake)
        {
            throw new FormatException($"The contract \"{name}\" is not valid AsyncAPI {version}: {mistake}.");
        }

        var contract = new ContractReading(name, path, version, formatAsserted);
        var references = new ContractReferences(name, document);
        var channels = contract.FormatOnMessage
            ? AsyncApi2Channels.Read(contract, document, references)
            : AsyncApi3Channels.Read(contract, document, references);
        return new AsyncApiContract(name, channels);
    }

    /// <summary>The channel a connection to <paramref name="url"/> is on, by its path; null when the contract has none there.</summary>
    public ContractChannel? ChannelFor(Uri url) => ChannelAt(url.AbsolutePath);

    /// <summary>The channel whose address is this path or name (<c>/chat</c>), or null.</summary>
    public ContractChannel? ChannelAt(string address) => Channels.FirstOrDefault(c => c.Serves(address));

    /// <summary>The message of this name, in whichever channel and direction it is first described.</summary>
    public ContractMessage Message(string name)
    {
        var all = Channels.SelectMany(c => c.Sent.Concat(c.Received)).ToList();
        return all.FirstOrDefault(m => m.Name == name)
            ?? throw new ArgumentException($"The contract \"{Name}\" has no message \"{name}\"; it has: {string.Join(", ", all.Select(m => m.Name).Distinct())}.");
    }
}
