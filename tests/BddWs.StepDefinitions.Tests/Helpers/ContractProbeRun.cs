using BddWs.Testing;
using Xunit;

namespace BddWs.StepDefinitions.Tests.Helpers;

/// <summary>
/// One <c>dotnet test</c> of tests/ContractProbe against a bundled server, shared by the tests
/// that read it (two runs at once would write the same report files), with what it printed and
/// the code it kept for its undefined step, read at once.
/// </summary>
public sealed class ContractProbeRun : IAsyncLifetime
{
    public const string Collection = "ContractProbe";

    public int ExitCode { get; private set; }

    /// <summary>What <c>dotnet test</c> printed at its default verbosity.</summary>
    public string Output { get; private set; } = "";

    /// <summary>The probe's <c>reports/undefined-steps.md</c>; null when the run wrote none.</summary>
    public string? UndefinedSteps { get; private set; }

    public async ValueTask InitializeAsync()
    {
        await using var server = await BundledServer.StartAsync();
        (ExitCode, Output) = await ProbeRun.DotnetTestAsync(ProbeRun.PathOf("ContractProbe"), server.WebSocket("/ws"));
        var file = Repository.PathOf("tests/ContractProbe/reports/undefined-steps.md");
        UndefinedSteps = File.Exists(file) ? await File.ReadAllTextAsync(file) : null;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
