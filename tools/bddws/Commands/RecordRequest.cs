namespace BddWs.Cli.Commands;

/// <summary>What <c>bddws record</c> was asked, as written on its command line.</summary>
public sealed record RecordRequest(
    string Output,
    string? Target = null,
    string? Listen = null,
    string? Idle = null,
    string? HarOut = null,
    IReadOnlyList<string>? Har = null,
    bool Force = false);
