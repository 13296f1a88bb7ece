using System.Buffers.Binary;
using System.Text;

namespace BddWs.Cli.Recording.Har;

/// <summary>
/// A close frame (opcode 8) in <c>_webSocketMessages</c>: its payload as on the wire, base64 (as
/// dev-proxy writes it): the status in two bytes, big-endian, then the reason in UTF-8. Empty when the
/// frame had no status.
/// </summary>
internal static class CloseFrame
{
    /// <summary>The status and reason of a close frame's data; an empty reason is none.</summary>
    public static (int? Status, string? Reason) Read(string data)
    {
        if (data.Length == 0)
        {
            return (null, null);
        }

        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(data);
        }
        catch (FormatException)
        {
            // Not the payload: a writer that put the reason as text.
            return (null, data);
        }

        if (bytes.Length < 2)
        {
            return (null, null);
        }

        var reason = HarBody.AsText(bytes[2..]);
        return (BinaryPrimitives.ReadUInt16BigEndian(bytes), reason is { Length: > 0 } ? reason : null);
    }

    /// <summary>The data of a close frame with this status and reason.</summary>
    public static string Write(int? status, string? reason)
    {
        if (status is not { } code)
        {
            return "";
        }

        var text = Encoding.UTF8.GetBytes(reason ?? "");
        var bytes = new byte[2 + text.Length];
        BinaryPrimitives.WriteUInt16BigEndian(bytes, (ushort)code);
        text.CopyTo(bytes, 2);
        return Convert.ToBase64String(bytes);
    }
}
