using System.Text;

namespace BddWs.ReqnrollPlugin.Reporting;

/// <summary>
/// The whole text of a message its line in the conversation shows shortened (at 200 characters),
/// kept in the report's messages right after that line, and unfolded on the page by a click
/// (<c>&lt;details&gt;</c>), so a reader can always read the message whole. The console shows only
/// the line. Every text of the conversation reaches the page as HTML, since Cucumber's report draws
/// a step's output as HTML: <see cref="PageHtml"/> makes it text again.
/// </summary>
public static class WholeMessages
{
    /// <summary>Starts the record of a whole text in the report's messages.</summary>
    public const string Mark = "⤷ the whole message: ";

    /// <summary>The record of <paramref name="whole"/>, for the report's messages only.</summary>
    public static string Record(string whole) => Mark + whole;

    /// <summary>
    /// A line of a step's output as the page's HTML: the text itself, never markup (a message
    /// holding <c>&lt;img onerror=…&gt;</c> shows as written); a whole text, folded under
    /// <c>the whole message (1234 characters)</c>.
    /// </summary>
    public static string PageHtml(string output)
    {
        if (!output.StartsWith(Mark, StringComparison.Ordinal))
        {
            return Text(output);
        }

        var whole = output[Mark.Length..];
        return new StringBuilder()
            .Append("<details><summary>the whole message (").Append(whole.Length).Append(" characters)</summary>")
            .Append(Text(whole))
            .Append("</details>")
            .ToString();
    }

    // Only what would start markup or an entity: quotes need no escaping between tags, and each
    // would cost six characters on a page full of JSON.
    private static string Text(string text) => text.AsSpan().IndexOfAny('&', '<', '>') < 0
        ? text
        : text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);
}
