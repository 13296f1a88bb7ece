using System.Text;
using System.Text.Json;

namespace BddWs.Server.Endpoints.Orders;

/// <summary>Where JSON text stops being valid, said as a person counts (line 1, character 5).</summary>
public static class JsonSyntax
{
    /// <summary>Parses <paramref name="text"/>; null if it is not JSON, and then <paramref name="where"/> says where it breaks (<c>line 1, character 5</c>).</summary>
    public static JsonDocument? TryParse(ReadOnlyMemory<byte> text, out string where)
    {
        try
        {
            where = "";
            return JsonDocument.Parse(text);
        }
        catch (JsonException ex)
        {
            where = Where(text.Span, ex);
            return null;
        }
    }

    private static string Where(ReadOnlySpan<byte> text, JsonException ex)
    {
        // The parser counts lines from 0 and bytes within the line from 0; people count characters from 1.
        var line = (int)(ex.LineNumber ?? 0);
        var lineStart = 0;
        for (var i = 0; i < line; i++)
        {
            var next = text[lineStart..].IndexOf((byte)'\n');
            if (next < 0)
            {
                break;
            }

            lineStart += next + 1;
        }

        var bytes = (int)Math.Min(ex.BytePositionInLine ?? 0, text.Length - lineStart);
        return $"line {line + 1}, character {Encoding.UTF8.GetCharCount(text.Slice(lineStart, bytes)) + 1}";
    }
}
