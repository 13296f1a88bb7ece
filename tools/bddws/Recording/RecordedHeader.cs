namespace BddWs.Cli.Recording;

/// <summary>One header of a recorded request or response, as it was sent.</summary>
public sealed record RecordedHeader(string Name, string Value);
