using System.Collections.Immutable;
using BddWs.CatalogAnalyzer;
using FluentAssertions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace BddWs.StepDefinitions.Tests.Catalog;

/// <summary>
/// A team's sentence the step catalog would show blank is named by a build warning, with the
/// sentence's own text, at its attribute; a documented one builds quietly.
/// </summary>
public sealed class SentenceDocsAnalyzerTests
{
    [Fact]
    public async Task A_documented_sentence_builds_without_a_warning()
    {
        var warnings = await WarningsAsync("""
            /// <summary>Sends "Good morning" on the scenario's connection.</summary>
            /// <example>When I greet the service politely</example>
            [When("I greet the service politely")]
            public void Greet() { }
            """);

        warnings.Should().BeEmpty();
    }

    [Fact]
    public async Task A_sentence_without_summary_or_example_is_named_twice()
    {
        var warnings = await WarningsAsync("""
            [When("I greet the service politely")]
            public void Greet() { }
            """);

        warnings.Should().Equal(
            "BDDWS001 (line 6): The sentence \"I greet the service politely\" has no <summary>: the step catalog shows it without its meaning",
            "BDDWS002 (line 6): The sentence \"I greet the service politely\" has no <example>: the step catalog shows it without an example " +
            "(a method with several sentences needs one <example> for each, in their order)");
    }

    [Fact]
    public async Task A_second_sentence_on_one_method_needs_an_example_of_its_own()
    {
        var warnings = await WarningsAsync("""
            /// <summary>Greets the service.</summary>
            /// <example>When I greet the service politely</example>
            [When("I greet the service politely")]
            [When("I say good morning")]
            public void Greet() { }
            """);

        warnings.Should().ContainSingle().Which.Should().StartWith("BDDWS002 (line 9): The sentence \"I say good morning\" has no <example>");
    }

    [Fact]
    public async Task An_empty_summary_counts_as_none()
    {
        var warnings = await WarningsAsync("""
            /// <summary></summary>
            /// <example>Then the service is polite</example>
            [Then("the service is polite")]
            public void Polite() { }
            """);

        warnings.Should().ContainSingle().Which.Should().StartWith("BDDWS001 (line 8): The sentence \"the service is polite\" has no <summary>");
    }

    [Fact]
    public async Task A_project_that_writes_no_documentation_is_told_so_once_per_sentence()
    {
        var warnings = await WarningsAsync("""
            /// <summary>Greets the service.</summary>
            /// <example>When I greet the service politely</example>
            [When("I greet the service politely")]
            public void Greet() { }
            """, DocumentationMode.None);

        warnings.Should().ContainSingle().Which.Should().Be(
            "BDDWS003 (line 8): The sentence \"I greet the service politely\" is documented in vain: this project writes no XML documentation, " +
            "so the step catalog shows its sentences without meaning or example; set <GenerateDocumentationFile>true</GenerateDocumentationFile>");
    }

    [Fact]
    public async Task A_method_outside_a_binding_class_and_a_hook_are_not_sentences()
    {
        var warnings = await WarningsAsync("""
            [BeforeScenario]
            public void Open() { }
            """);
        var outside = await CompileAsync("""
            public sealed class NotABinding
            {
                [Reqnroll.When("I am not a binding")]
                public void Nothing() { }
            }
            """, DocumentationMode.Diagnose);

        warnings.Should().BeEmpty();
        outside.Should().BeEmpty();
    }

    /// <summary>The analyzer's warnings for members of a binding class, as "ID (line N): message".</summary>
    private static Task<IReadOnlyList<string>> WarningsAsync(string members, DocumentationMode mode = DocumentationMode.Diagnose) =>
        CompileAsync($$"""
            using Reqnroll;

            [Binding]
            public sealed class TeamSteps
            {
            {{members}}
            }
            """, mode);

    private static async Task<IReadOnlyList<string>> CompileAsync(string source, DocumentationMode mode)
    {
        var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest, mode), cancellationToken: TestContext.Current.CancellationToken);
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Append(typeof(Reqnroll.BindingAttribute).Assembly.Location)
            .Select(path => MetadataReference.CreateFromFile(path));
        var compilation = CSharpCompilation.Create("TeamSpecs", [tree], references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        compilation.GetDiagnostics(TestContext.Current.CancellationToken).Where(d => d.Severity == DiagnosticSeverity.Error).Should().BeEmpty();
        var diagnostics = await compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new SentenceDocsAnalyzer()))
            .GetAnalyzerDiagnosticsAsync(TestContext.Current.CancellationToken);
        return diagnostics.OrderBy(d => d.Location.SourceSpan.Start).ThenBy(d => d.Id)
            .Select(d => $"{d.Id} (line {d.Location.GetLineSpan().StartLinePosition.Line + 1}): {d.GetMessage()}").ToList();
    }
}
