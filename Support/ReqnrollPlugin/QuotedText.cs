using System.Text;

namespace BddWs.ReqnrollPlugin;

/// <summary>
/// What a quoted value in a step stands for. As in Cucumber expressions elsewhere, a backslash
/// lets the value hold the quote that encloses it (<c>"say \"hi\""</c>, <c>'it\'s'</c>), and
/// <c>\\</c> is one backslash. Any other backslash stays as written, so a regular expression
/// such as <c>"^id=\d+$"</c> reads as it did.
/// </summary>
public static class QuotedText
{
    public static string Unescape(string written, char quote)
    {
        if (!written.Contains('\\', StringComparison.Ordinal))
        {
            return written;
        }

        var text = new StringBuilder(written.Length);
        for (var i = 0; i < written.Length; i++)
        {
            if (written[i] == '\\' && i + 1 < written.Length && (written[i + 1] == quote || written[i + 1] == '\\'))
            {
                i++;
            }

            text.Append(written[i]);
        }

        return text.ToString();
    }
}
