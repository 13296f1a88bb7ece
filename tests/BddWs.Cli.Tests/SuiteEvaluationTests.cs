using System.Reflection;
using System.Text.Json.Nodes;
using BddWs.Cli.Suites;
using FluentAssertions;
using Xunit;

namespace BddWs.Cli.Tests;

/// <summary>What MSBuild says of a suite, read from its JSON; and this repository's tool manifest.</summary>
public sealed class SuiteEvaluationTests
{
    [Fact]
    public void The_suite_s_folder_name_and_inputs_without_the_package_cache()
    {
        const string json = """
            {
              "Properties": { "BddWsRoot": "/s", "AssemblyName": "MySpecs", "NuGetPackageRoot": "/home/u/.nuget/packages/" },
              "TargetResults": { "BddWsLoopInputs": { "Result": "Success", "Items": [
                { "Identity": "/s/features/MySpecs.csproj" }, { "Identity": "/s/StepDefinitions/A.cs" },
                { "Identity": "/home/u/.nuget/packages/xunit.v3.core/3.2.2/content/Entry.cs" }, { "Identity": "/s/StepDefinitions/A.cs" } ] } }
            }
            """;

        var evaluation = SuiteEvaluation.Parse(json);

        evaluation.Root.Should().Be("/s");
        evaluation.AssemblyName.Should().Be("MySpecs");
        evaluation.Inputs.Should().Equal("/s/StepDefinitions/A.cs", "/s/features/MySpecs.csproj");
    }

    [Fact]
    public void A_project_without_the_bridge_says_so()
    {
        const string json = """{ "Properties": { "BddWsRoot": "", "AssemblyName": "X" }, "TargetResults": { "BddWsLoopInputs": { "Items": [] } } }""";

        var parse = () => SuiteEvaluation.Parse(json);

        parse.Should().Throw<SuiteBuildException>().WithMessage("The project does not use the BddWs bridge: it has no BddWsRoot.");
    }

    [Fact]
    public void This_repository_s_tool_manifest_names_the_version_it_packs()
    {
        var root = typeof(SuiteEvaluationTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!;
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(root, ".config/dotnet-tools.json")))!;
        var project = File.ReadAllText(Path.Combine(root, "tools/bddws/BddWs.Cli.csproj"));
        var version = System.Text.RegularExpressions.Regex.Match(project, "<PackageVersion>([^<]+)</PackageVersion>").Groups[1].Value;

        manifest["tools"]!["bddws.cli"]!["version"]!.GetValue<string>().Should().Be(version);
    }
}
