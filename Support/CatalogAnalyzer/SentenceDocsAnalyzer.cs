using System.Collections.Immutable;
using System.Linq;
using System.Xml.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace BddWs.CatalogAnalyzer;

/// <summary>
/// Names, at build time, each sentence (a Reqnroll step binding) the step catalog would show
/// blank: the catalog takes a sentence's meaning from its <c>&lt;summary&gt;</c> and its example
/// from its <c>&lt;example&gt;</c> (one per sentence, in order, when a method has several), and a
/// product owner writes features from the catalog alone.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SentenceDocsAnalyzer : DiagnosticAnalyzer
{
    private const string Category = "BddWs.Catalog";

    public static readonly DiagnosticDescriptor NoSummary = new(
        "BDDWS001", "A sentence has no <summary>",
        "The sentence \"{0}\" has no <summary>: the step catalog shows it without its meaning",
        Category, DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor NoExample = new(
        "BDDWS002", "A sentence has no <example>",
        "The sentence \"{0}\" has no <example>: the step catalog shows it without an example (a method with several sentences needs one <example> for each, in their order)",
        Category, DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor NoDocumentationFile = new(
        "BDDWS003", "The step catalog cannot read the sentences' documentation",
        "The sentence \"{0}\" is documented in vain: this project writes no XML documentation, so the step catalog shows its sentences without meaning or example; set <GenerateDocumentationFile>true</GenerateDocumentationFile>",
        Category, DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [NoSummary, NoExample, NoDocumentationFile];

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var stepAttribute = start.Compilation.GetTypeByMetadataName("Reqnroll.StepDefinitionBaseAttribute");
            var bindingAttribute = start.Compilation.GetTypeByMetadataName("Reqnroll.BindingAttribute");
            if (stepAttribute is null || bindingAttribute is null)
            {
                return;
            }

            start.RegisterSymbolAction(symbol => Check(symbol, stepAttribute, bindingAttribute), SymbolKind.Method);
        });
    }

    private static void Check(SymbolAnalysisContext context, INamedTypeSymbol stepAttribute, INamedTypeSymbol bindingAttribute)
    {
        var method = (IMethodSymbol)context.Symbol;
        var sentences = method.GetAttributes().Where(a => Inherits(a.AttributeClass, stepAttribute)).ToList();
        if (sentences.Count == 0 || method.ContainingType is not { } type || !IsBinding(type, bindingAttribute))
        {
            return;
        }

        var syntax = method.DeclaringSyntaxReferences.FirstOrDefault()?.SyntaxTree;
        if (syntax?.Options.DocumentationMode == DocumentationMode.None)
        {
            context.ReportDiagnostic(Diagnostic.Create(NoDocumentationFile, Where(sentences[0], method), Text(sentences[0], method)));
            return;
        }

        var docs = Parse(method.GetDocumentationCommentXml(cancellationToken: context.CancellationToken));
        if (docs?.Element("summary") is not { } summary || summary.Value.Trim().Length == 0)
        {
            context.ReportDiagnostic(Diagnostic.Create(NoSummary, Where(sentences[0], method), Text(sentences[0], method)));
        }

        var examples = docs?.Elements("example").Count(e => e.Value.Trim().Length > 0) ?? 0;
        foreach (var sentence in sentences.Skip(examples))
        {
            context.ReportDiagnostic(Diagnostic.Create(NoExample, Where(sentence, method), Text(sentence, method)));
        }
    }

    private static XElement? Parse(string? xml)
    {
        if (string.IsNullOrWhiteSpace(xml))
        {
            return null;
        }

        try
        {
            return XElement.Parse(xml);
        }
        catch (System.Xml.XmlException)
        {
            // Badly formed XML is the compiler's own warning (CS1570); the catalog then reads nothing.
            return null;
        }
    }

    private static bool Inherits(INamedTypeSymbol? type, INamedTypeSymbol baseType)
    {
        for (var t = type; t is not null; t = t.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(t, baseType))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsBinding(INamedTypeSymbol type, INamedTypeSymbol bindingAttribute)
    {
        for (var t = type; t is not null; t = t.BaseType)
        {
            if (t.GetAttributes().Any(a => Inherits(a.AttributeClass, bindingAttribute)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The sentence as written in its attribute; the method's name when the attribute names none.</summary>
    private static string Text(AttributeData sentence, IMethodSymbol method) =>
        sentence.ConstructorArguments.FirstOrDefault() is { Value: string text } && text.Length > 0 ? text : method.Name;

    private static Location Where(AttributeData sentence, IMethodSymbol method) =>
        sentence.ApplicationSyntaxReference?.GetSyntax().GetLocation() ?? method.Locations.FirstOrDefault() ?? Location.None;
}
