using System.Net.WebSockets;

namespace BddWs.Driver;

/// <summary>A close frame as the server sent it: its status (null when it carried none, which reads as 1005) and reason.</summary>
public sealed record ServerClose(WebSocketCloseStatus? Status, string Reason)
{
    /// <summary>RFC 6455 status 1005: the close frame carried no status. Never sent on the wire.</summary>
    public const WebSocketCloseStatus NoStatusReceived = (WebSocketCloseStatus)1005;

    /// <summary>The status a close event reports: the one sent, or 1005 when none was.</summary>
    public WebSocketCloseStatus ReportedStatus => Status ?? NoStatusReceived;
}
