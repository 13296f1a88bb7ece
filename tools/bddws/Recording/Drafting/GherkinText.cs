namespace BddWs.Cli.Recording.Drafting;

/// <summary>
/// Text as a feature file holds it. A value the scenario remembered travels through the draft as
/// <c>⟦name⟧</c> and is written <c>${name}</c> only here, so a recorded <c>${…}</c> is written
/// <c>$${…}</c> and never read as a value.
/// </summary>
internal static class GherkinText
{
    public const char Open = '⟦';
    public const char Close = '⟧';

    /// <summary>The reference to a remembered value or an environment variable, as the draft carries it.</summary>
    public static string Reference(string name) => $"{Open}{name}{Close}";

    /// <summary>A recorded text with its references written out.</summary>
    public static string Written(string text) =>
        text.Replace("${", "$${", StringComparison.Ordinal).Replace(Open.ToString(), "${", StringComparison.Ordinal).Replace(Close.ToString(), "}", StringComparison.Ordinal);

    /// <summary>
    /// A <c>{string}</c> of a sentence: in double quotes, or in single quotes when that spares
    /// escaping (<c>'{"id": 7}'</c>), backslashes and the quote escaped.
    /// </summary>
    public static string Quote(string text)
    {
        var written = Written(text).Replace("\\", "\\\\", StringComparison.Ordinal);
        return written.Contains('"') && !written.Contains('\'')
            ? $"'{written}'"
            : "\"" + written.Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
    }

    /// <summary>True when the text fits in a sentence; false when it has line breaks and needs a doc string.</summary>
    public static bool FitsOnALine(string text) => !text.Contains('\n') && !text.Contains('\r');
}
