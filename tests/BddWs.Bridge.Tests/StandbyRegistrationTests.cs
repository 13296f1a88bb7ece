using BddWs.Bridge.Generator;
using FluentAssertions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace BddWs.Bridge.Tests;

/// <summary>Every suite gets the watch loop's standby as its xUnit pipeline startup, unless it has one of its own.</summary>
public sealed class StandbyRegistrationTests
{
    private const string Registration = "[assembly: global::Xunit.v3.TestPipelineStartup(typeof(global::Suite.Features.BddWsStandby))]";

    [Fact]
    public void A_suite_s_assembly_names_the_standby()
    {
        var run = TestRunSource(new Dictionary<string, string> { ["RootNamespace"] = "Suite" });

        run.Should().Contain(Registration);
        run.Should().Contain("public sealed class BddWsStandby() : global::BddWs.Bridge.Standby(typeof(BddWsStandby).Assembly);");
    }

    [Fact]
    public void A_suite_with_a_pipeline_startup_of_its_own_turns_it_off()
    {
        var run = TestRunSource(new Dictionary<string, string> { ["RootNamespace"] = "Suite", ["BddWsStandby"] = "false" });

        run.Should().NotContain("TestPipelineStartup").And.NotContain("BddWsStandby");
    }

    private static string TestRunSource(Dictionary<string, string> properties)
    {
        var driver = CSharpGeneratorDriver.Create(
            [new FeatureClassGenerator().AsSourceGenerator()],
            [new FeatureText("/suite/features/echo.feature", "Feature: Echo\n")],
            optionsProvider: new Properties(properties.Append(new("BddWsRoot", "/suite")).ToDictionary()));
        var result = driver.RunGenerators(CSharpCompilation.Create("Suite"), TestContext.Current.CancellationToken).GetRunResult();
        return result.GeneratedTrees.Single(t => Path.GetFileName(t.FilePath) == "BddWsTestRun.g.cs").GetText().ToString();
    }

    private sealed class FeatureText(string path, string text) : AdditionalText
    {
        public override string Path => path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text);
    }

    private sealed class Properties(Dictionary<string, string> values) : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(values);

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => GlobalOptions;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => GlobalOptions;

        private sealed class Options(Dictionary<string, string> values) : AnalyzerConfigOptions
        {
            public override bool TryGetValue(string key, out string value) =>
                values.TryGetValue(key.Replace("build_property.", ""), out value!);
        }
    }
}
