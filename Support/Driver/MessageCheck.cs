using System.Text.RegularExpressions;
using BddWs.Driver.Json;

namespace BddWs.Driver;

/// <summary>
/// A test of one message, with the words that describe it in a failure message
/// (<c>containing "Hello"</c>). Expectations combine checks with "any message",
/// "the n-th message", "these messages in order".
/// </summary>
public sealed record MessageCheck(string Description, Func<WebSocketMessage, bool> Matches)
{
    /// <summary>
    /// How close a message that fails the check comes, and where it departs from passing; null
    /// when the check cannot tell (a pattern, JSON, bytes).
    /// </summary>
    public Func<WebSocketMessage, TextMismatch?> Compare { get; init; } = _ => null;

    /// <summary>
    /// Where in a message's text the check looks (a character index: the text found, the first
    /// difference, the path's value), so that a long message is shortened around it; null for the start.
    /// </summary>
    public Func<WebSocketMessage, int?> Focus { get; init; } = _ => null;

    /// <summary>True when the check wants the whole text: then where a message departs from it tells the reader something.</summary>
    public bool IsWholeText { get; init; }

    public override string ToString() => Description;

    /// <summary>Every message passes: for steps that take the next message whatever it is.</summary>
    public static MessageCheck Any { get; } = new("of any kind", _ => true);

    public static MessageCheck Containing(string text) =>
        new MessageCheck($"containing {Format.Quoted(text)}", m => m.IsText && m.Text.Contains(text, StringComparison.Ordinal))
        {
            Compare = m => m.IsText ? TextMismatch.FromContaining(text, m.Text) : null,
            Focus = m => !m.IsText ? null
                : m.Text.IndexOf(text, StringComparison.Ordinal) is >= 0 and var found ? found
                : TextMismatch.FromContaining(text, m.Text)?.Departs,
        };

    /// <summary>Exactly the text; a placeholder such as <c>(any)</c> is refused, since text never reads one.</summary>
    public static MessageCheck EqualTo(string text)
    {
        JsonPlaceholder.RefuseAsText(text, "a message's exact text");
        return new MessageCheck($"equal to {Format.Quoted(text)}", m => m.IsText && m.Text == text)
        {
            Compare = m => m.IsText ? TextMismatch.FromEqual(text, m.Text) : null,
            Focus = m => m.IsText ? TextMismatch.FromEqual(text, m.Text)?.Departs : null,
            IsWholeText = true,
        };
    }

    /// <summary>A .NET regular expression, searched anywhere in the text (anchor it with ^ and $ to match all).</summary>
    public static MessageCheck Matching(string pattern)
    {
        Regex regex;
        try
        {
            regex = new Regex(pattern, RegexOptions.None, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException ex)
        {
            throw new ArgumentException($"\"{pattern}\" is not a valid regular expression: {ex.Message}", ex);
        }

        return new($"matching /{pattern}/", m => m.IsText && regex.IsMatch(m.Text))
        {
            Focus = m => m.IsText && regex.Match(m.Text) is { Success: true } match ? match.Index : null,
        };
    }

    public static MessageCheck Json(IReadOnlyList<JsonExpectation> expectations) => new(
        $"in JSON where {string.Join(" and ", expectations)}",
        m => ParsedMessages.TryGet(m, out var document) && expectations.All(e => e.IsMetBy(document)))
    {
        // The first path the message fails, or else the first: the value a reader looks for.
        Focus = m => m.IsText && ParsedMessages.TryGet(m, out var document)
            ? (expectations.FirstOrDefault(e => !e.IsMetBy(document)) ?? expectations.FirstOrDefault())?.Path.Whereabouts(m.Text)
            : null,
    };

    public static MessageCheck Bytes(byte[] expected) =>
        new($"of binary bytes {Format.Hex(expected)}", m => !m.IsText && m.Bytes.AsSpan().SequenceEqual(expected));
}
