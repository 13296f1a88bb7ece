namespace BddWs.Server.Tests.Helpers;

/// <summary>The status and headers of an HTTP response read off a raw connection.</summary>
public sealed record HttpHead(int Status, IReadOnlyDictionary<string, string> Headers)
{
    public static HttpHead Parse(string head)
    {
        var lines = head.Split("\r\n");
        var status = int.Parse(lines[0].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        var headers = lines.Skip(1)
            .Select(line => line.Split(':', 2))
            .ToDictionary(parts => parts[0].Trim(), parts => parts[1].Trim(), StringComparer.OrdinalIgnoreCase);
        return new HttpHead(status, headers);
    }
}
