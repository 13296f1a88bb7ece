using BddWs.Driver.Hubs;
using Reqnroll;

namespace BddWs.StepDefinitions;

/// <summary>Words of the SignalR hub sentences that stand for values: a method call, a JSON value, a list of them, an answer.</summary>
[Binding]
public sealed class HubParameterTypes
{
    /// <summary>
    /// A method and its arguments, each a JSON value: <c>Add(2, 3)</c>, <c>SendMessage("Alice", "hi")</c>,
    /// <c>JoinGroup("red", "ada")</c>, <c>Fail()</c>.
    /// </summary>
    [StepArgumentTransformation(@"([A-Za-z_][A-Za-z0-9_.]*[(].*[)])", Name = "hub-call")]
    public HubCall Call(string text) => HubCall.Parse(text);

    /// <summary>A JSON value: <c>5</c>, <c>3.5</c>, <c>"ada"</c>, <c>true</c>, <c>null</c>, <c>{"name":"red"}</c>, <c>[1, 2]</c>.</summary>
    // As short as the sentence allows, so that an optional "within T" after it is the deadline, not part of the value.
    [StepArgumentTransformation(@"(.+?)", Name = "hub-value")]
    public HubValue Value(string text)
    {
        try
        {
            return new HubValue(System.Text.Json.Nodes.JsonNode.Parse(text));
        }
        catch (System.Text.Json.JsonException ex)
        {
            throw new FormatException($"{text} is not a JSON value (write text in double quotes, as in \"ada\").", ex);
        }
    }

    /// <summary>An answer to the hub's question: a JSON value (<c>true</c>, <c>"ada"</c>, <c>{"ok":true}</c>), or <c>the error "out of stock"</c>.</summary>
    [StepArgumentTransformation(@"(.+)", Name = "hub-answer")]
    public HubAnswer Answer(string text) => HubAnswer.Parse(text);

    /// <summary>JSON values separated by commas, the last perhaps by "and": <c>3, 2 and 1</c>, <c>"a", "b"</c>; <c>nothing</c> for none.</summary>
    [StepArgumentTransformation(@"(.+)", Name = "hub-values")]
    public HubValueList Values(string text) =>
        new(text.Trim() == "nothing" ? [] : HubValues.Parse(text, "The values"));
}
