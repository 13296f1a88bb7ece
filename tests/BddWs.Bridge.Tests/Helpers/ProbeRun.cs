using System.Diagnostics;
using System.Reflection;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using BddWs.Testing;

namespace BddWs.Bridge.Tests.Helpers;

/// <summary>
/// One run of the bridge probe (tests/BridgeProbe) as its own process, the way a user's
/// suite runs: its exit code, console, xUnit XML results, the order its hooks ran in, and its
/// report files (read at once, as a later run writes them again).
/// </summary>
public sealed class ProbeRun
{
    /// <summary>The whole probe, unfiltered.</summary>
    public ProbeRun()
        : this([])
    {
    }

    private ProbeRun(string[] filter, IReadOnlyDictionary<string, string>? environment = null, IReadOnlyDictionary<string, string>? leftOver = null)
    {
        var probe = typeof(ProbeRun).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "BridgeProbe").Value!;
        var work = Directory.CreateTempSubdirectory("bddws-probe-");
        // The whole probe's report stays where CI looks at it in a browser; a filtered run writes its own aside.
        Folder = filter.Length == 0 && environment is null ? Repository.PathOf("tests/BridgeProbe/reports") : work.FullName;
        var results = Path.Combine(work.FullName, "results.xml");
        var hooks = Path.Combine(work.FullName, "hooks.log");
        Directory.CreateDirectory(Folder);
        foreach (var report in ReportFiles)
        {
            File.Delete(Path.Combine(Folder, report));
        }

        foreach (var (name, text) in leftOver ?? new Dictionary<string, string>())
        {
            File.WriteAllText(Path.Combine(Folder, name), text);
        }

        var start = new ProcessStartInfo("dotnet", [probe, "-xml", results, .. filter])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(probe)!,
        };
        start.Environment["BRIDGE_PROBE_LOG"] = hooks;
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value.Replace("{reports}", Folder, StringComparison.Ordinal);
        }

        if (filter.Length > 0)
        {
            var formatters = new JsonObject
            {
                ["html"] = new JsonObject { ["outputFilePath"] = Path.Combine(Folder, ReportFiles[0]) },
                ["message"] = new JsonObject { ["outputFilePath"] = Path.Combine(Folder, ReportFiles[1]) },
            };
            start.Environment["REQNROLL_FORMATTERS"] = new JsonObject { ["formatters"] = formatters }.ToJsonString();
        }
        using var process = Process.Start(start)!;
        var console = process.StandardOutput.ReadToEndAsync();
        process.StandardError.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("The bridge probe did not finish within 2 minutes.");
        }

        ExitCode = process.ExitCode;
        Console = console.GetAwaiter().GetResult();
        Tests = XDocument.Load(results).Descendants("test").ToDictionary(t => (string)t.Attribute("name")!);
        // A run that never started (a shard with nothing to run) leaves no hooks and no report.
        HookLog = File.Exists(hooks) ? File.ReadAllLines(hooks) : [];
        Html = File.Exists(Path.Combine(Folder, ReportFiles[0])) ? File.ReadAllText(Path.Combine(Folder, ReportFiles[0])) : "";
        Messages = File.Exists(Path.Combine(Folder, ReportFiles[1])) ? File.ReadAllLines(Path.Combine(Folder, ReportFiles[1])) : [];
        var undefinedSteps = Repository.PathOf("tests/BridgeProbe/reports/undefined-steps.md");
        UndefinedSteps = File.Exists(undefinedSteps) ? File.ReadAllText(undefinedSteps) : null;
    }

    public static readonly string[] ReportFiles = ["probe-report.html", "probe-messages.ndjson"];

    /// <summary>A run with the in-process runner's filter arguments, such as <c>-trait Category=probe</c>.</summary>
    public static ProbeRun Filtered(params string[] filter) => new(filter);

    /// <summary>
    /// A run with these variables set, its report in a folder of its own; <c>{reports}</c> in a value
    /// stands for that folder (<see cref="Folder"/>).
    /// </summary>
    /// <param name="environment">The variables.</param>
    /// <param name="leftOver">Files an earlier run left in the report folder, by name, with their text.</param>
    public static ProbeRun With(IReadOnlyDictionary<string, string> environment, IReadOnlyDictionary<string, string>? leftOver = null) =>
        new([], environment, leftOver);

    public int ExitCode { get; }

    public string Html { get; }

    /// <summary>The Cucumber messages of the run, one JSON object per line.</summary>
    public IReadOnlyList<string> Messages { get; }

    public string Folder { get; }

    /// <summary>The code for the run's undefined steps, <c>reports/undefined-steps.md</c> beside reqnroll.json's report; null when none.</summary>
    public string? UndefinedSteps { get; }

    public string Console { get; }

    /// <summary>The probe's test cases by display name.</summary>
    public IReadOnlyDictionary<string, XElement> Tests { get; }

    public IReadOnlyList<string> HookLog { get; }

    public XElement Test(string name) => Tests.TryGetValue(name, out var test)
        ? test
        : throw new KeyNotFoundException($"No test named \"{name}\"; the probe ran: {string.Join(" | ", Tests.Keys)}");

    public static string Result(XElement test) => (string)test.Attribute("result")!;

    // xUnit's XML escapes quotes in failure messages.
    public static string Failure(XElement test) =>
        ((string?)test.Element("failure")?.Element("message") ?? "").Replace("\\\"", "\"", StringComparison.Ordinal);

    public static string StackTrace(XElement test) => (string?)test.Element("failure")?.Element("stack-trace") ?? "";

    /// <summary>The result of every step and hook in the report's messages.</summary>
    public static IEnumerable<StepResult> StepResults(ProbeRun run) => run.Messages
        .Where(l => l.StartsWith("{\"testStepFinished\"", StringComparison.Ordinal))
        .Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement.GetProperty("testStepFinished").GetProperty("testStepResult"))
        .Select(r => new StepResult(
            r.GetProperty("status").GetString()!,
            r.TryGetProperty("message", out var message) ? message.GetString()! : "",
            r.TryGetProperty("exception", out _)))
        .ToList();

    public static string Output(XElement test) => (string?)test.Element("output") ?? "";

    public static string SkipReason(XElement test) => (string?)test.Element("reason") ?? "";

    public static IEnumerable<string> Traits(XElement test, string name) =>
        test.Descendants("trait").Where(t => (string)t.Attribute("name")! == name).Select(t => (string)t.Attribute("value")!);
}
