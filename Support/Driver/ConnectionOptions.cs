namespace BddWs.Specs.Support.Driver;

/// <summary>What the client asks for in the handshake.</summary>
public sealed record ConnectionOptions
{
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    public IReadOnlyList<string> SubProtocols { get; init; } = [];

    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(5);
}
