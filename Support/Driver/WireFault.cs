namespace BddWs.Driver;

/// <summary>
/// What a server did wrong on the wire, one sentence each, in the words of RFC 6455 and with the
/// close code the RFC gives for it, so a product owner can pass it on to the server's team.
/// </summary>
public static class WireFault
{
    private const string Protocol = "(RFC 6455 section 5.2; close code 1002 ProtocolError)";

    public static string ReservedBits(int bits) =>
        $"The server broke the WebSocket protocol: it sent a frame with reserved bit{(bits is 1 or 2 or 4 ? "" : "s")} {Rsv(bits)} set, " +
        $"which no agreed extension allows {Protocol}";

    public const string Masked =
        "The server broke the WebSocket protocol: it sent a masked frame, and a server must never mask its frames (RFC 6455 section 5.1; close code 1002 ProtocolError)";

    public static string UnknownOpcode(byte opcode) =>
        $"The server broke the WebSocket protocol: it sent a frame of unknown type (opcode 0x{opcode:X}) {Protocol}";

    public const string NegativeLength =
        "The server broke the WebSocket protocol: it sent a frame length with the most significant bit set " + Protocol;

    public static string FragmentedControl(byte opcode) =>
        $"The server broke the WebSocket protocol: it split a {ControlName(opcode)} frame into fragments, which control frames never are (RFC 6455 section 5.5; close code 1002 ProtocolError)";

    public static string LongControl(byte opcode, long length) =>
        $"The server broke the WebSocket protocol: it sent a {ControlName(opcode)} frame of {length} bytes, more than the 125 a control frame may carry (RFC 6455 section 5.5; close code 1002 ProtocolError)";

    public const string ContinuationWithoutStart =
        "The server broke the WebSocket protocol: it sent a continuation frame without a message to continue (RFC 6455 section 5.4; close code 1002 ProtocolError)";

    public const string NewMessageBeforeEnd =
        "The server broke the WebSocket protocol: it started a new message before finishing the previous one (RFC 6455 section 5.4; close code 1002 ProtocolError)";

    public const string InvalidText =
        "The server sent a text message that is not valid UTF-8 (RFC 6455 section 8.1; close code 1007 InvalidPayloadData)";

    public const string OneByteClose =
        "The server broke the WebSocket protocol: its close frame has a 1-byte body, too short for a status (RFC 6455 section 5.5.1; close code 1002 ProtocolError)";

    public static string ForbiddenCloseStatus(int status) =>
        $"The server broke the WebSocket protocol: its close frame carries status {status}{Named(status)}, which is never sent in a close frame (RFC 6455 section 7.4; close code 1002 ProtocolError)";

    public static string InvalidCloseReason(int status) =>
        $"The server closed with status {status}{Named(status)} and a reason that is not valid UTF-8 (RFC 6455 section 5.5.1; close code 1007 InvalidPayloadData)";

    public static string MessageTooBig(long announced, bool whole, long limit) =>
        $"The server sent a message larger than the client accepts: {(whole ? "it announced" : "its fragments reached")} {announced} bytes, " +
        $"the limit is {limit} bytes ({SuiteSettings.MaxMessageBytesVariable}; close code 1009 MessageTooBig)";

    private static string Rsv(int bits) =>
        string.Join(", ", new[] { (4, "RSV1"), (2, "RSV2"), (1, "RSV3") }.Where(b => (bits & b.Item1) != 0).Select(b => b.Item2));

    private static string ControlName(byte opcode) => opcode switch
    {
        0x8 => "close",
        0x9 => "ping",
        _ => "pong",
    };

    private static string Named(int status) =>
        CloseStatusNames.NameOf((System.Net.WebSockets.WebSocketCloseStatus)status) is { } name ? $" ({name})" : "";
}
