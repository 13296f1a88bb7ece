namespace BddWs.Driver;

/// <summary>
/// How close a received text comes to the one expected: how many characters agree before it
/// departs, and where it departs, in words (<c>first differs at character 18: expected "\\" (a
/// backslash), received "\n" (a line break)</c>).
/// </summary>
public sealed record TextMismatch(int SameCharacters, string Description)
{
    /// <summary>Where the received text departs (a character index): the part a shortened text must keep in view.</summary>
    public int Departs { get; init; }

    /// <summary>
    /// Where <paramref name="actual"/> departs from being <paramref name="expected"/>; null if it
    /// is equal, or differs from the first character on (the texts show that plainly enough).
    /// </summary>
    public static TextMismatch? FromEqual(string expected, string actual)
    {
        var same = 0;
        while (same < expected.Length && same < actual.Length && expected[same] == actual[same])
        {
            same++;
        }

        return same == 0 || (same == expected.Length && same == actual.Length)
            ? null
            : new(same, $"first differs at character {same + 1}: expected {At(expected, same)}, received {At(actual, same)}") { Departs = same };
    }

    /// <summary>
    /// Where <paramref name="actual"/> departs from containing <paramref name="expected"/>, after
    /// the longest start of it that it does contain; null if it contains it all or not even its
    /// first character, since then there is no place to point at.
    /// </summary>
    public static TextMismatch? FromContaining(string expected, string actual)
    {
        // A text that contains a start of the expected one contains every shorter start too.
        int found = 0, tooLong = expected.Length + 1;
        while (tooLong - found > 1)
        {
            var length = (found + tooLong) / 2;
            if (actual.Contains(expected[..length], StringComparison.Ordinal))
            {
                found = length;
            }
            else
            {
                tooLong = length;
            }
        }

        if (found == 0 || found == expected.Length)
        {
            return null;
        }

        var departs = actual.IndexOf(expected[..found], StringComparison.Ordinal) + found;
        return new(found, $"contains {(found == 1 ? "the first character" : $"the first {found} characters")}, then differs: expected {At(expected, found)}, received {At(actual, departs)}") { Departs = departs };
    }

    private static string At(string text, int index) => index >= text.Length ? "the end of the text" : Character(text[index]);

    // A lone space is no trailing space here: it shows as itself, named.
    private static string Character(char c) => (c == ' ' ? "\" \"" : Format.Quoted(c.ToString())) + c switch
    {
        '\\' => " (a backslash)",
        '\n' => " (a line break)",
        '\r' => " (a carriage return)",
        '\t' => " (a tab)",
        ' ' => " (a space)",
        '\u00A0' => " (a non-breaking space)",
        _ when Format.IsInvisible(c) => " (an invisible character)",
        _ => "",
    };
}
