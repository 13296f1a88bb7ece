using System.Text;

namespace BddWs.Driver;

/// <summary>
/// Checks that bytes arriving piece by piece form valid UTF-8, a character split between two
/// pieces included, without keeping the text: a message may be megabytes long.
/// </summary>
public sealed class Utf8Check
{
    public static readonly Encoding Strict = new UTF8Encoding(false, throwOnInvalidBytes: true);

    private readonly Decoder _decoder = Strict.GetDecoder();

    /// <summary>Forgets the bytes so far, for the next message: one check serves a whole connection.</summary>
    public Utf8Check Restarted()
    {
        _decoder.Reset();
        return this;
    }

    /// <summary>False once the bytes so far cannot be UTF-8; with <paramref name="final"/>, also when they end mid-character.</summary>
    public bool Continues(ReadOnlySpan<byte> bytes, bool final)
    {
        Span<char> scratch = stackalloc char[256];
        try
        {
            do
            {
                _decoder.Convert(bytes, scratch, final, out var used, out var produced, out _);
                if (used == 0 && produced == 0)
                {
                    break;
                }

                bytes = bytes[used..];
            }
            while (!bytes.IsEmpty);

            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}
