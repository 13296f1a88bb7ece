using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace BddWs.Driver.Json;

/// <summary>
/// A string in an expected JSON value that stands for a kind of value rather than for itself:
/// <c>(any)</c> or <c>(present)</c> any value that is there, null included; <c>(any string)</c>,
/// <c>(any number)</c>; <c>(matching ^\d+$)</c> a value whose text the regular expression finds;
/// <c>(missing)</c> no value at all; and <c>(remember name)</c> any value, remembered as
/// <c>${name}</c> once the message matched. Parentheses, not <c>${…}</c>: a <c>${name}</c> is
/// already replaced by its value before a step runs. Every expected JSON value reads them alike
/// (<see cref="JsonComparison"/>); a value sent refuses them (<see cref="RefuseIn"/>).
/// </summary>
public sealed partial record JsonPlaceholder(string Text, string? RememberAs = null)
{
    public const string AnyValue = "(any)";
    public const string Present = "(present)";
    public const string AnyString = "(any string)";
    public const string AnyNumber = "(any number)";

    /// <summary>The whole language in one line, as a refusal names it.</summary>
    public const string Language = "(any), (present), (any string), (any number), (matching regular expression), (missing) or (remember name)";

    private Regex? Pattern { get; init; }

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
        return expected is JsonValue value && value.GetValueKind() == JsonValueKind.String && TryRead(value.GetValue<string>(), out placeholder);
    }

    /// <inheritdoc cref="TryRead(JsonNode?, out JsonPlaceholder)"/>
    public static bool TryRead(string text, out JsonPlaceholder placeholder)
    {
        placeholder = null!;
        if (text is AnyValue or Present or AnyString or AnyNumber or JsonExpectation.Missing)
        {
            placeholder = new JsonPlaceholder(text);
            return true;
        }

        if (Remember().Match(text) is { Success: true } remember)
        {
            placeholder = new JsonPlaceholder(text, remember.Groups["name"].Value);
            return true;
        }

        if (text.StartsWith("(matching ", StringComparison.Ordinal) && text.EndsWith(')') && text.Length > "(matching )".Length)
        {
            placeholder = new JsonPlaceholder(text) { Pattern = Compile(text, text["(matching ".Length..^1]) };
            return true;
        }

        if (text.StartsWith("(any", StringComparison.Ordinal) || text.StartsWith("(remember", StringComparison.Ordinal) ||
            text.StartsWith("(present", StringComparison.Ordinal) || text.StartsWith("(matching", StringComparison.Ordinal))
        {
            throw new FormatException(
                $"\"{text}\" is not a placeholder: write {Language}, with a name of letters, digits and _.");
        }

        return false;
    }

    /// <summary>
    /// Throws when <paramref name="value"/>, a value about to be sent (<paramref name="where"/>: <c>the JSON to send</c>),
    /// holds a placeholder at any depth: a placeholder says what is expected, and cannot be sent.
    /// </summary>
    public static void RefuseIn(JsonNode? value, string where)
    {
        switch (value)
        {
            case JsonObject obj:
                foreach (var (_, field) in obj)
                {
                    RefuseIn(field, where);
                }

                break;
            case JsonArray array:
                foreach (var element in array)
                {
                    RefuseIn(element, where);
                }

                break;
            case JsonValue text when text.GetValueKind() == JsonValueKind.String && IsExact(text.GetValue<string>()):
                throw new FormatException(
                    $"{where} holds the placeholder \"{text.GetValue<string>()}\": a placeholder stands only in an expected value; write the value to send.");
        }
    }

    /// <summary>
    /// Throws when <paramref name="text"/>, compared as text (<paramref name="where"/>: <c>the exact message</c>),
    /// is a placeholder: it would be compared letter by letter, never read as one.
    /// </summary>
    public static void RefuseAsText(string text, string where)
    {
        if (IsExact(text))
        {
            throw new FormatException(
                $"\"{text}\" is a placeholder, and {where} is compared letter by letter: a placeholder stands only in an expected JSON value.");
        }
    }

    /// <summary>Whether a value that is there (<paramref name="actual"/>, null for JSON null) is accepted.</summary>
    public bool Accepts(JsonNode? actual) => Text switch
    {
        AnyString => actual is JsonValue value && value.GetValueKind() == JsonValueKind.String,
        AnyNumber => actual is JsonValue value && value.GetValueKind() == JsonValueKind.Number,
        JsonExpectation.Missing => false,
        _ when Pattern is { } pattern => pattern.IsMatch(JsonText.Of(actual)),
        _ => true,
    };

    public override string ToString() => Text;

    private static bool IsExact(string text)
    {
        try
        {
            return TryRead(text, out _);
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static Regex Compile(string text, string pattern)
    {
        try
        {
            return new Regex(pattern, RegexOptions.None, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException ex)
        {
            throw new FormatException($"\"{text}\" is not a placeholder: {pattern} is not a valid regular expression ({ex.Message.TrimEnd('.')}).", ex);
        }
    }

    [GeneratedRegex(@"^\(remember (?<name>[A-Za-z_][A-Za-z0-9_]*)\)$")]
    private static partial Regex Remember();
}
