using System.Text.Json.Nodes;

namespace BddWs.Driver.Contracts;

/// <summary>
/// Follows an AsyncAPI document's own <c>$ref</c>s (<c>#/components/messages/greeting</c>,
/// <c>#/components/schemas/Order</c>) by putting a copy of what they point at in their place, so
/// a message's payload becomes one self-contained JSON Schema. References to other files are
/// refused, and so is a schema that refers to itself (it could not be copied out).
/// </summary>
public sealed class ContractReferences(string contract, JsonNode document)
{
    private const int DeepestReference = 64;

    /// <summary>A copy of <paramref name="node"/> with every <c>$ref</c> in it replaced by its target.</summary>
    public JsonNode? Resolve(JsonNode? node) => Resolve(node, 0);

    /// <summary>The node a <c>#/…</c> pointer names; one clear line when there is none.</summary>
    public JsonNode? Target(string reference)
    {
        if (!reference.StartsWith("#/", StringComparison.Ordinal) && reference != "#")
        {
            throw new FormatException($"The contract \"{contract}\" refers to \"{reference}\", outside itself; only references within the contract (\"#/components/…\") are read.");
        }

        JsonNode? node = document;
        foreach (var raw in reference[1..].Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var segment = Uri.UnescapeDataString(raw).Replace("~1", "/").Replace("~0", "~");
            node = node switch
            {
                JsonObject obj when obj.TryGetPropertyValue(segment, out var child) => child,
                JsonArray array when int.TryParse(segment, out var index) && index >= 0 && index < array.Count => array[index],
                _ => throw new FormatException($"The contract \"{contract}\" refers to \"{reference}\", which it does not contain."),
            };
        }

        return node;
    }

    private JsonNode? Resolve(JsonNode? node, int depth)
    {
        switch (node)
        {
            case JsonObject obj when obj.TryGetPropertyValue("$ref", out var reference) && reference is JsonValue value && value.TryGetValue<string>(out var pointer):
                if (depth > DeepestReference)
                {
                    throw new FormatException($"The contract \"{contract}\" refers to \"{pointer}\" within itself, in a loop; the suite reads only schemas that do not refer to themselves.");
                }

                return Resolve(Target(pointer), depth + 1);
            case JsonObject obj:
                return new JsonObject(obj.Select(p => KeyValuePair.Create(p.Key, Resolve(p.Value, depth))));
            case JsonArray array:
                return new JsonArray([.. array.Select(item => Resolve(item, depth))]);
            default:
                return node?.DeepClone();
        }
    }
}
