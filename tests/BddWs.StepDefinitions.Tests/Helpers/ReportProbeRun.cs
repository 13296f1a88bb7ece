using BddWs.Testing;
using Xunit;

namespace BddWs.StepDefinitions.Tests.Helpers;

/// <summary>
/// One <c>dotnet test</c> of tests/ReportProbe against a bundled server, shared by the tests that
/// read it, with what it printed and the report it wrote (the messages, and the feature's page),
/// read at once. The probe reads <c>${BDDWS_PROBE_RESERVE}</c>, a secret, and
/// <c>${BDDWS_PROBE_PLAIN}</c> from the environment.
/// </summary>
public sealed class ReportProbeRun : IAsyncLifetime
{
    public const string Collection = "ReportProbe";

    public const string Reserve = "97531864";

    public int ExitCode { get; private set; }

    /// <summary>What <c>dotnet test</c> printed at its default verbosity.</summary>
    public string Output { get; private set; } = "";

    /// <summary>The Cucumber messages the run wrote, one JSON document a line.</summary>
    public string[] Messages { get; private set; } = [];

    /// <summary>The page of the probe's one feature.</summary>
    public string Page { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        await using var server = await BundledServer.StartAsync();
        (ExitCode, Output) = await ProbeRun.DotnetTestAsync(ProbeRun.PathOf("ReportProbe"), server.WebSocket("/ws"),
            new Dictionary<string, string> { ["BDDWS_PROBE_RESERVE"] = Reserve, ["BDDWS_PROBE_PLAIN"] = "plain-value" });
        Messages = await File.ReadAllLinesAsync(Repository.PathOf("tests/ReportProbe/reports/report-probe.ndjson"));
        Page = await File.ReadAllTextAsync(Repository.PathOf("tests/ReportProbe/reports/report-probe/report.html"));
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
