namespace BddWs.Server.ScaleOut;

/// <summary>
/// Settings of the scale-out, from the configuration section <c>ScaleOut</c>
/// (<c>--ScaleOut:Redis=127.0.0.1:6379</c>, or <c>ScaleOut__Redis</c> in the environment).
/// </summary>
public sealed class ScaleOutOptions
{
    /// <summary>The configuration section these settings are read from.</summary>
    public const string Section = "ScaleOut";

    /// <summary>
    /// The Redis server the instances share, as a StackExchange.Redis configuration string
    /// (<c>host:port</c>, optionally <c>,password=...</c>). Unset, the server runs alone: one
    /// process, no Redis.
    /// </summary>
    public string? Redis { get; set; }

    /// <summary>
    /// Put before every Redis channel the server uses, so that several deployments can share one
    /// Redis without hearing each other. The instances of one deployment use the same prefix.
    /// </summary>
    public string ChannelPrefix { get; set; } = "bddws";
}
