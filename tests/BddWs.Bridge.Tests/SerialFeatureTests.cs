using System.Collections.Immutable;
using BddWs.Bridge.Generator;
using FluentAssertions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace BddWs.Bridge.Tests;

/// <summary>A feature tagged <c>@serial</c> runs in a collection of its own that xUnit never runs beside another.</summary>
public sealed class SerialFeatureTests
{
    [Fact]
    public void Only_the_tags_above_the_feature_line_are_the_features()
    {
        FeatureTags.Of("# a comment\n@demo-server @serial  # why\n@slow\nFeature: x\n  @serial\n  Scenario: y\n").Should()
            .BeEquivalentTo("demo-server", "serial", "slow");
        FeatureTags.Of("Feature: x\n\n  @serial\n  Scenario: y\n").Should().BeEmpty();
    }

    [Fact]
    public void A_feature_tagged_serial_joins_the_collection_that_runs_alone_and_others_stay_in_their_own()
    {
        var sources = Generate(("/suite/features/alone.feature", "@serial\nFeature: alone\n"), ("/suite/features/free.feature", "@demo-server\nFeature: free\n"));

        sources["Features_Alone.g.cs"].Should().Contain("[global::Xunit.Collection(BddWsSerialFeatures.Name)]");
        sources["Features_Free.g.cs"].Should().NotContain("Xunit.Collection(");
        sources["BddWsTestRun.g.cs"].Should().Contain("[global::Xunit.CollectionDefinition(Name, DisableParallelization = true)]");
    }

    private static Dictionary<string, string> Generate(params (string Path, string Text)[] features)
    {
        var compilation = CSharpCompilation.Create("Suite");
        var driver = CSharpGeneratorDriver.Create(
            [new FeatureClassGenerator().AsSourceGenerator()],
            features.Select(f => (AdditionalText)new FeatureText(f.Path, f.Text)),
            optionsProvider: new RootOptions("/suite"));
        var result = driver.RunGenerators(compilation, TestContext.Current.CancellationToken).GetRunResult();
        return result.GeneratedTrees.ToDictionary(t => Path.GetFileName(t.FilePath), t => t.GetText().ToString());
    }

    private sealed class FeatureText(string path, string text) : AdditionalText
    {
        public override string Path => path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text);
    }

    private sealed class RootOptions(string root) : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(root);

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => GlobalOptions;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => GlobalOptions;

        private sealed class Options(string root) : AnalyzerConfigOptions
        {
            public override bool TryGetValue(string key, out string value)
            {
                value = key == "build_property.BddWsRoot" ? root : "";
                return key == "build_property.BddWsRoot";
            }
        }
    }
}
