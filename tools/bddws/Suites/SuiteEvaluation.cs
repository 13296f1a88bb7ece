using System.Reflection;
using System.Text.Json;

namespace BddWs.Cli.Suites;

/// <summary>
/// What MSBuild says of a suite's test project: its folder (<c>BddWsRoot</c>), its assembly's name, and
/// every file its build reads, over the project and the projects it references (sources, project and
/// settings files, files copied beside the assembly). From that, not from folder names, the loop knows
/// which saves need a build. One <c>dotnet msbuild</c> call with a small target file of this tool's.
/// </summary>
public sealed record SuiteEvaluation(string Root, string AssemblyName, IReadOnlyList<string> Inputs)
{
    private const string TargetName = "BddWsLoopInputs";

    public static async Task<SuiteEvaluation> RunAsync(string project, string workFolder, CancellationToken cancel)
    {
        Directory.CreateDirectory(workFolder);
        var targets = Path.Combine(workFolder, "bddws-inputs.targets");
        await using (var resource = Assembly.GetExecutingAssembly().GetManifestResourceStream("BddWs.Cli.Suites.Inputs.targets")!)
        await using (var file = File.Create(targets))
        {
            await resource.CopyToAsync(file, cancel);
        }

        var result = await Tool.RunAsync("dotnet",
            ["msbuild", project, "-nologo", "-t:" + TargetName, "-p:CustomAfterMicrosoftCommonTargets=" + targets,
             "-getProperty:BddWsRoot", "-getProperty:AssemblyName", "-getProperty:NuGetPackageRoot", "-getTargetResult:" + TargetName],
            Path.GetDirectoryName(project)!, cancel);
        if (result.ExitCode != 0)
        {
            throw new SuiteBuildException(result.Output.Trim());
        }

        return Parse(result.Output);
    }

    /// <summary>Reads <c>dotnet msbuild -getProperty -getTargetResult</c>'s JSON.</summary>
    public static SuiteEvaluation Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var properties = document.RootElement.GetProperty("Properties");
        var packages = properties.TryGetProperty("NuGetPackageRoot", out var root) ? root.GetString() ?? "" : "";
        var inputs = document.RootElement.GetProperty("TargetResults").GetProperty(TargetName).GetProperty("Items")
            .EnumerateArray()
            .Select(item => item.GetProperty("Identity").GetString()!)
            .Where(path => path.Length > 0 && (packages.Length == 0 || !path.StartsWith(packages, StringComparison.Ordinal)))
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();
        var suiteRoot = properties.GetProperty("BddWsRoot").GetString();
        return new SuiteEvaluation(
            suiteRoot is { Length: > 0 } ? suiteRoot : throw new SuiteBuildException("The project does not use the BddWs bridge: it has no BddWsRoot."),
            properties.GetProperty("AssemblyName").GetString()!,
            inputs);
    }
}
