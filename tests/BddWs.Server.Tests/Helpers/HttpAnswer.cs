namespace BddWs.Server.Tests.Helpers;

/// <summary>What an HTTP request got back: status, body and the headers a test looks at.</summary>
public sealed record HttpAnswer(int Status, string Body, string? Location, string? WwwAuthenticate, string? ContentType);
