namespace BddWs.Driver;

/// <summary>
/// Messages of a chosen size, to reach a server's size limit. Their content is the same on every run
/// and easy to recognise in a capture: text repeats <c>0123456789</c> (character n is the digit n mod 10,
/// counted from 0), bytes count up <c>00 01 02 … ff 00 01 …</c> (byte n is n mod 256).
/// </summary>
public static class SizedMessage
{
    private const string Digits = "0123456789";

    public static WebSocketMessage Text(int characters)
    {
        CheckSize(characters, "characters");
        return WebSocketMessage.FromText(string.Create(characters, 0, (chars, _) =>
        {
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = Digits[i % Digits.Length];
            }
        }));
    }

    public static WebSocketMessage Binary(int bytes)
    {
        CheckSize(bytes, "bytes");
        var content = new byte[bytes];
        for (var i = 0; i < content.Length; i++)
        {
            content[i] = (byte)i;
        }

        return WebSocketMessage.FromBytes(content);
    }

    private static void CheckSize(int size, string unit)
    {
        if (size < 0)
        {
            throw new ArgumentException($"A message cannot have {size} {unit}; give 0 or more.");
        }
    }
}
