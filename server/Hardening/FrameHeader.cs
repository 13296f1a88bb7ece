namespace BddWs.Server.Hardening;

/// <summary>The header of one WebSocket frame as it travels on the wire (RFC 6455, section 5.2).</summary>
/// <param name="Fin">Whether this frame ends its message.</param>
/// <param name="Reserved">The three reserved bits (RSV1-3), 0 unless an extension was agreed.</param>
/// <param name="Opcode">What the frame carries (see the constants).</param>
/// <param name="Masked">Whether the payload is masked, as every frame from a client must be.</param>
/// <param name="PayloadLength">The payload's length as declared, before any check.</param>
/// <param name="MaskKey">The masking key, its first byte in the high bits.</param>
public readonly record struct FrameHeader(bool Fin, int Reserved, int Opcode, bool Masked, ulong PayloadLength, uint MaskKey)
{
    /// <summary>Continues a fragmented message.</summary>
    public const int Continuation = 0x0;

    /// <summary>Starts a text message.</summary>
    public const int Text = 0x1;

    /// <summary>Starts a binary message.</summary>
    public const int Binary = 0x2;

    /// <summary>Closes the connection.</summary>
    public const int Close = 0x8;

    /// <summary>Asks for a pong.</summary>
    public const int Ping = 0x9;

    /// <summary>Answers a ping.</summary>
    public const int Pong = 0xA;

    /// <summary>Close, ping and pong: never fragmented, at most 125 bytes of payload.</summary>
    public bool IsControl => (Opcode & 0x8) != 0;

    /// <summary>The byte of the masking key that applies to payload byte number <paramref name="index"/>.</summary>
    public byte MaskByte(ulong index) => (byte)(MaskKey >> (24 - (8 * (int)(index % 4))));
}
