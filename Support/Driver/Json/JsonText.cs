using System.Text.Json;
using System.Text.Json.Nodes;

namespace BddWs.Driver.Json;

/// <summary>A JSON value as a step would write it: a string bare, anything else as compact JSON (<c>42</c>, <c>true</c>, <c>{"a":1}</c>).</summary>
public static class JsonText
{
    public static string Of(JsonNode? node) => node switch
    {
        null => "null",
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
        _ => node.ToJsonString(),
    };
}
