using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace BddWs.Driver.Json;

/// <summary>
/// A string in an expected JSON document that stands for a kind of value rather than for itself:
/// <c>(any)</c> any value, <c>(any string)</c>, <c>(any number)</c>, <c>(missing)</c> no value at
/// all, and <c>(remember name)</c> any value, remembered as <c>${name}</c> once the message matched.
/// Parentheses, not <c>${…}</c>: a <c>${name}</c> is already replaced by its value before a step runs.
/// </summary>
public sealed partial record JsonPlaceholder(string Text, string? RememberAs = null)
{
    public const string AnyValue = "(any)";
    public const string AnyString = "(any string)";
    public const string AnyNumber = "(any number)";

    /// <summary>True when an absent value is what is expected.</summary>
    public bool WantsMissing => Text == JsonExpectation.Missing;

    /// <summary>
    /// The placeholder <paramref name="expected"/> stands for; false for an ordinary value. A string
    /// that starts like a placeholder but is none (<c>(any text)</c>, <c>(remember my id)</c>)
    /// throws, since it is surely meant as one.
    /// </summary>
    public static bool TryRead(JsonNode? expected, out JsonPlaceholder placeholder)
    {
        placeholder = null!;
        if (expected is not JsonValue value || value.GetValueKind() != JsonValueKind.String)
        {
            return false;
        }

        var text = value.GetValue<string>();
        if (text is AnyValue or AnyString or AnyNumber or JsonExpectation.Missing)
        {
            placeholder = new JsonPlaceholder(text);
            return true;
        }

        if (Remember().Match(text) is { Success: true } remember)
        {
            placeholder = new JsonPlaceholder(text, remember.Groups["name"].Value);
            return true;
        }

        if (text.StartsWith("(any", StringComparison.Ordinal) || text.StartsWith("(remember", StringComparison.Ordinal))
        {
            throw new FormatException(
                $"\"{text}\" is not a placeholder: write (any), (any string), (any number), (missing) or (remember name), with a name of letters, digits and _.");
        }

        return false;
    }

    /// <summary>Whether a value that is there (<paramref name="actual"/>, null for JSON null) is accepted.</summary>
    public bool Accepts(JsonNode? actual) => Text switch
    {
        AnyString => actual is JsonValue value && value.GetValueKind() == JsonValueKind.String,
        AnyNumber => actual is JsonValue value && value.GetValueKind() == JsonValueKind.Number,
        JsonExpectation.Missing => false,
        _ => true,
    };

    public override string ToString() => Text;

    [GeneratedRegex(@"^\(remember (?<name>[A-Za-z_][A-Za-z0-9_]*)\)$")]
    private static partial Regex Remember();
}
