using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace BddWs.Driver.Contracts;

/// <summary>
/// The official AsyncAPI JSON Schemas, one per version the suite reads, embedded in this library from
/// the <c>@asyncapi/specs</c> package (see <c>Contracts/Schemas/README.md</c>). A contract is checked
/// against the schema of the version it declares, so a mistake in it is named before its messages are
/// read. Each schema is built once per run, when a contract of its version is first read.
/// </summary>
public static class AsyncApiSchemas
{
    /// <summary>The AsyncAPI versions the suite reads: those it has the official schema of.</summary>
    public static IReadOnlyList<string> Supported { get; } =
        ["2.0.0", "2.1.0", "2.2.0", "2.3.0", "2.4.0", "2.5.0", "2.6.0", "3.0.0", "3.1.0"];

    private static readonly ConcurrentDictionary<string, Lazy<(JsonSchema Schema, JsonNode Document)>> Built = new();

    /// <summary>Whether the suite has the official schema of AsyncAPI <paramref name="version"/>.</summary>
    public static bool Knows(string version) => Supported.Contains(version);

    /// <summary>
    /// The most specific mistake in <paramref name="document"/> as AsyncAPI <paramref name="version"/>
    /// (<c>at $.info.version: value is "integer" but should be "string"</c>); null when it has none.
    /// </summary>
    public static string? MistakeIn(string version, JsonNode document)
    {
        var official = Built.GetOrAdd(version, v => new Lazy<(JsonSchema Schema, JsonNode Document)>(() => Load(v))).Value;
        using var json = JsonDocument.Parse(document.ToJsonString());

        // The schemas are draft-07, where format is an annotation: AsyncAPI's own tools do not assert it either.
        var results = official.Schema.Evaluate(json.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.Hierarchical });
        return results.IsValid ? null : SchemaMistake.Of(results, official.Document, document);
    }

    private static (JsonSchema Schema, JsonNode Document) Load(string version)
    {
        var resource = $"BddWs.Driver.Contracts.Schemas.{version}.json";
        using var stream = typeof(AsyncApiSchemas).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The AsyncAPI {version} schema is missing from BddWs.Driver ({resource}).");
        using var reader = new StreamReader(stream);
        var text = reader.ReadToEnd();

        // A registry of its own: nothing else may be fetched or clash with these schemas.
        var options = new BuildOptions { Dialect = Dialect.Draft07, SchemaRegistry = new SchemaRegistry() };
        var schema = JsonSchema.FromText(text, options, new Uri($"https://asyncapi-schemas.bddws.invalid/{version}.json"));
        return (schema, JsonNode.Parse(text)!);
    }
}
