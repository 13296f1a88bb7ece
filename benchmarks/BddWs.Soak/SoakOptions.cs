using System.Globalization;

namespace BddWs.Soak;

/// <summary>How big and how long: <c>--connections 200 --messages 1000 --seconds 300 [--url ws://…/ws]</c>.</summary>
public sealed record SoakOptions(int Connections, int Messages, TimeSpan Deadline, Uri? Url)
{
    public static SoakOptions Parse(string[] args)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        int Number(string name, int fallback) =>
            Value(name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;
        return new SoakOptions(
            Number("--connections", 200),
            Number("--messages", 1000),
            TimeSpan.FromSeconds(Number("--seconds", 300)),
            Value("--url") is { } url ? new Uri(url) : null);
    }
}
