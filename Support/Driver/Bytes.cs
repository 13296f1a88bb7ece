namespace BddWs.Driver;

/// <summary>Bytes as a product owner writes them: hexadecimal (<c>01 02 ff</c>) or base64.</summary>
public static class Bytes
{
    public static byte[] FromHex(string hex)
    {
        var digits = string.Concat(hex.Where(c => !char.IsWhiteSpace(c) && c != ':' && c != '-'));
        try
        {
            return Convert.FromHexString(digits);
        }
        catch (FormatException)
        {
            throw new FormatException($"\"{hex}\" is not hexadecimal bytes; write them like \"01 02 ff\".");
        }
    }

    public static byte[] FromBase64(string base64)
    {
        try
        {
            return Convert.FromBase64String(base64.Trim());
        }
        catch (FormatException)
        {
            throw new FormatException($"\"{base64}\" is not base64; write it like \"AQL/\".");
        }
    }
}
