using System.Text.Json.Nodes;
using BddWs.Driver.Json;

namespace BddWs.Driver.Hubs;

/// <summary>
/// A method and its arguments as a feature writes them: <c>Add(2, 3)</c>,
/// <c>SendMessage("Alice", "hi")</c>; each argument a JSON value, so text is quoted and
/// <c>{"item":"book"}</c> is an object.
/// </summary>
public sealed record HubCall(string Target, JsonArray Arguments)
{
    /// <summary>Reads <c>Name(arg, arg, …)</c>; a bad one is refused in one line saying how to write it.</summary>
    public static HubCall Parse(string text)
    {
        var open = text.IndexOf('(');
        var target = open > 0 ? text[..open].Trim() : "";
        if (target.Length == 0 || !target.All(c => char.IsLetterOrDigit(c) || c is '_' or '.') || !text.TrimEnd().EndsWith(')'))
        {
            throw new FormatException($"{text} is not a method call; write the method and its arguments as JSON values, as in SendMessage(\"Alice\", \"hi\").");
        }

        var arguments = text.TrimEnd()[(open + 1)..^1];
        return new HubCall(target, HubValues.Parse(arguments, $"The arguments of {target}"));
    }

    /// <summary><c>SendMessage("Alice", "hi")</c>.</summary>
    public override string ToString() => HubShown.Call(Target, Arguments);

    /// <summary>Whether a received invocation calls this method with these arguments (numbers compare as numbers).</summary>
    public bool IsMadeBy(HubRecord record) =>
        record.Type == HubRecordType.Invocation && record.Target == Target && JsonComparison.Of(Arguments, record.Arguments, extraFieldsAllowed: false).Matches;

    /// <summary>The arguments as the protocol sends them.</summary>
    public JsonArray ArgumentsCopy() => (JsonArray)Arguments.DeepClone();
}
