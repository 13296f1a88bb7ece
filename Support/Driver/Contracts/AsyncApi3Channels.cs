using System.Text.Json.Nodes;

namespace BddWs.Driver.Contracts;

/// <summary>
/// The channels of an AsyncAPI 3.x document. Each channel has an <c>address</c> and named
/// <c>messages</c>; operations say which way they go, from the service's side: <c>send</c> is what
/// the client receives, <c>receive</c> what the client sends. An operation without <c>messages</c>
/// takes all of its channel's. A channel without an address (unknown until run time) serves no path.
/// </summary>
public static class AsyncApi3Channels
{
    public static IReadOnlyList<ContractChannel> Read(ContractReading contract, JsonNode document, ContractReferences references)
    {
        var sent = new Dictionary<string, List<ContractMessage>>();
        var received = new Dictionary<string, List<ContractMessage>>();
        foreach (var operation in (document["operations"] as JsonObject ?? []).Select(o => Unreferenced(o.Value, references) as JsonObject))
        {
            var channelKey = ChannelKey(contract.Name, operation?["channel"]);
            var channel = Unreferenced(document["channels"]?[channelKey], references) as JsonObject
                ?? throw new FormatException($"The contract \"{contract.Name}\" refers to \"#/channels/{channelKey}\", which it does not contain.");
            var action = operation?["action"]?.ToString();
            var target = action switch
            {
                "send" => received,
                "receive" => sent,
                _ => throw new FormatException($"The contract \"{contract.Name}\" has an operation on \"{channelKey}\" whose action is \"{action}\"; it must be send or receive."),
            };
            var messages = operation?["messages"] is JsonArray listed
                ? listed.Select(m => (Name: MessageName(m), Node: m))
                : (channel?["messages"] as JsonObject ?? []).Select(m => (Name: m.Key, Node: m.Value));
            var list = target.TryGetValue(channelKey, out var known) ? known : target[channelKey] = [];
            list.AddRange(messages.Select(m => ContractMessage.From(contract, m.Name, references.Resolve(m.Node))));
        }

        return [.. (document["channels"] as JsonObject ?? [])
            .Where(c => Unreferenced(c.Value, references)?["address"] is JsonValue)
            .Select(c => new ContractChannel(
                Unreferenced(c.Value, references)!["address"]!.ToString(),
                sent.GetValueOrDefault(c.Key) ?? [],
                received.GetValueOrDefault(c.Key) ?? []))];
    }

    private static JsonNode? Unreferenced(JsonNode? node, ContractReferences references) =>
        node is JsonObject obj && obj["$ref"] is JsonValue reference ? Unreferenced(references.Target(reference.ToString()), references) : node;

    /// <summary><c>{ $ref: '#/channels/json' }</c> is the channel <c>json</c>.</summary>
    private static string ChannelKey(string contract, JsonNode? channel)
    {
        const string Prefix = "#/channels/";
        var pointer = channel?["$ref"]?.ToString() ?? "";
        return pointer.StartsWith(Prefix, StringComparison.Ordinal) && !pointer[Prefix.Length..].Contains('/')
            ? Uri.UnescapeDataString(pointer[Prefix.Length..]).Replace("~1", "/").Replace("~0", "~")
            : throw new FormatException($"The contract \"{contract}\" has an operation whose channel is not a reference to one of its channels (\"#/channels/…\").");
    }

    /// <summary><c>{ $ref: '#/channels/json/messages/greeting' }</c> is the message <c>greeting</c>.</summary>
    private static string MessageName(JsonNode? message)
    {
        var pointer = message?["$ref"]?.ToString() ?? message?["name"]?.ToString() ?? "message";
        return pointer[(pointer.LastIndexOf('/') + 1)..];
    }
}
