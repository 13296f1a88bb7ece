namespace BddWs.Server.Endpoints;

/// <summary>Settings of <c>/secure</c>, from the configuration section <c>Secure</c> (e.g. <c>--Secure:Token=x</c>).</summary>
public sealed class SecureOptions
{
    /// <summary>The configuration section these settings are read from.</summary>
    public const string Section = "Secure";

    /// <summary>The bearer token a client must present to open <c>/secure</c>.</summary>
    public string Token { get; set; } = "let-me-in";
}
