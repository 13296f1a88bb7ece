namespace BddWs.Cli.Recording.Har;

/// <summary>
/// HTTP Archive files (HAR 1.2) as browsers' DevTools, mitmproxy and dev-proxy write them, WebSocket
/// messages included (<c>_webSocketMessages</c> on the upgrade request's entry).
/// </summary>
public static class HarFile
{
    /// <summary>The session a HAR file recorded.</summary>
    /// <exception cref="RecordingException">A file that is not a HAR, in one line naming it.</exception>
    public static RecordedSession Read(string path) => throw new NotImplementedException();

    /// <summary>Writes a recorded session as a HAR file that DevTools can open.</summary>
    public static void Write(RecordedSession session, string path) => throw new NotImplementedException();
}
