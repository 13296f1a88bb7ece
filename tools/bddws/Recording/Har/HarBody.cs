using System.Text;

namespace BddWs.Cli.Recording.Har;

/// <summary>A body from a HAR file: text when it is text (even if the file gave it as base64), else its bytes.</summary>
internal sealed record HarBody(string? Text, byte[]? Bytes)
{
    private static readonly UTF8Encoding StrictUtf8 = new(false, true);

    public bool IsText => Text is not null;

    public static HarBody OfText(string text) => new(text, null);

    /// <summary>The body base64 stands for; null when it is not base64.</summary>
    public static HarBody? FromBase64(string base64)
    {
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(base64);
        }
        catch (FormatException)
        {
            return null;
        }

        return AsText(bytes) is { } text ? new HarBody(text, null) : new HarBody(null, bytes);
    }

    /// <summary>The body as the session keeps it: its text, or base64 when the exchange's bodies are.</summary>
    public string As(bool base64) => base64
        ? Convert.ToBase64String(Bytes ?? Encoding.UTF8.GetBytes(Text!))
        : Text!;

    /// <summary>UTF-8 without control characters other than line breaks and tabs; null for anything else.</summary>
    public static string? AsText(byte[] bytes)
    {
        try
        {
            var text = StrictUtf8.GetString(bytes);
            return text.Any(c => char.IsControl(c) && c is not ('\t' or '\r' or '\n')) ? null : text;
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }
}
