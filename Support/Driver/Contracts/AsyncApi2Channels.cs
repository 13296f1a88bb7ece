using System.Text.Json.Nodes;

namespace BddWs.Driver.Contracts;

/// <summary>
/// The channels of an AsyncAPI 2.x document: each key is an address; <c>publish</c> holds what
/// the client sends (the service receives), <c>subscribe</c> what it receives. A message is one
/// object or <c>oneOf</c> a list; its name is its key under <c>components/messages</c> when it is
/// a reference there, else its <c>name</c> or <c>messageId</c>.
/// </summary>
public static class AsyncApi2Channels
{
    public static IReadOnlyList<ContractChannel> Read(ContractReading contract, JsonNode document, ContractReferences references)
    {
        if (document["channels"] is not JsonObject channels)
        {
            return [];
        }

        return [.. channels.Select(channel => new ContractChannel(
            channel.Key,
            Messages(contract, channel.Value?["publish"], references),
            Messages(contract, channel.Value?["subscribe"], references)))];
    }

    private static List<ContractMessage> Messages(ContractReading contract, JsonNode? operation, ContractReferences references)
    {
        var given = operation?["message"];
        var listed = Unreferenced(given, references) is JsonObject obj && obj["oneOf"] is JsonArray oneOf
            ? [.. oneOf]
            : given is null ? new List<JsonNode?>() : [given];
        return [.. listed.Select((m, i) => ContractMessage.From(contract, NameOf(m, references, i + 1), references.Resolve(m)))];
    }

    private static JsonNode? Unreferenced(JsonNode? node, ContractReferences references) =>
        node is JsonObject obj && obj["$ref"] is JsonValue reference ? Unreferenced(references.Target(reference.ToString()), references) : node;

    private static string NameOf(JsonNode? message, ContractReferences references, int position)
    {
        if (message is JsonObject obj && obj["$ref"] is JsonValue reference)
        {
            var pointer = reference.ToString();
            return Unreferenced(message, references) is JsonObject target && Named(target) is { } named && !pointer.StartsWith("#/components/messages/", StringComparison.Ordinal)
                ? named
                : pointer[(pointer.LastIndexOf('/') + 1)..];
        }

        return Named(message as JsonObject) ?? $"message {position}";
    }

    private static string? Named(JsonObject? message) =>
        message?["name"]?.ToString() ?? message?["messageId"]?.ToString();
}
