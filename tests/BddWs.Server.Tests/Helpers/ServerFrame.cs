using System.Buffers.Binary;
using System.Text;

namespace BddWs.Server.Tests.Helpers;

/// <summary>A frame the server sent, read byte for byte off a raw connection.</summary>
public sealed record ServerFrame(bool Fin, int Opcode, bool Masked, byte[] Payload)
{
    /// <summary>The status code of a close frame, read from its first two payload bytes.</summary>
    public int? CloseCode => Opcode == ClientFrames.Close && Payload.Length >= 2 ? BinaryPrimitives.ReadUInt16BigEndian(Payload) : null;

    public string Text => Encoding.UTF8.GetString(Opcode == ClientFrames.Close && Payload.Length >= 2 ? Payload[2..] : Payload);

    public override string ToString() => $"opcode 0x{Opcode:X}{(Fin ? "" : " (not final)")} {(CloseCode is { } code ? $"close {code} " : "")}\"{Text}\"";
}
