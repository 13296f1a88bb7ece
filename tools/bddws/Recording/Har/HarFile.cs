namespace BddWs.Cli.Recording.Har;

/// <summary>
/// HTTP Archive files (HAR 1.2) as browsers' DevTools, mitmproxy and dev-proxy write them, WebSocket
/// messages included (<c>_webSocketMessages</c> on the upgrade request's entry).
/// </summary>
public static class HarFile
{
    /// <summary>The session a HAR file recorded.</summary>
    /// <exception cref="RecordingException">A file that is not a HAR, in one line naming it.</exception>
    public static RecordedSession Read(string path) => ReadWithNotes(path).Session;

    /// <summary>
    /// The session a HAR file recorded, with what was left out of it. Events are in the order they
    /// happened; times are from the start of the first entry kept, in whole milliseconds.
    /// </summary>
    /// <exception cref="RecordingException">A file that is not a HAR, in one line naming it.</exception>
    public static HarReading ReadWithNotes(string path) => new HarReader(path).Read();

    /// <summary>Writes a recorded session as a HAR file that DevTools can open.</summary>
    public static void Write(RecordedSession session, string path) => HarWriter.Write(session, path);
}
