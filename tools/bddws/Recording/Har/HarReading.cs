namespace BddWs.Cli.Recording.Har;

/// <summary>
/// The session a HAR file recorded, and how many of its requests were left out of it: the page itself
/// and its scripts, styles, images, fonts and favicon, which no product owner's session means.
/// </summary>
public sealed record HarReading(RecordedSession Session, int LeftOut)
{
    /// <summary>The line to show for what was left out (<c>Left out 12 requests for pages, scripts, styles and images.</c>); null when nothing was.</summary>
    public string? LeftOutNote => LeftOut switch
    {
        0 => null,
        1 => "Left out 1 request for pages, scripts, styles and images.",
        _ => $"Left out {LeftOut} requests for pages, scripts, styles and images.",
    };
}
