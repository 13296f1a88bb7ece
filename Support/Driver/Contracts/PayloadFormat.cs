using Json.Schema;

namespace BddWs.Driver.Contracts;

/// <summary>
/// What a message's <c>schemaFormat</c> says its payload is written in, as the JSON Schema dialect that
/// reads it. Without one, a payload is an AsyncAPI Schema Object: JSON Schema draft-07 with AsyncAPI's
/// own keywords (<c>discriminator</c>, <c>externalDocs</c>, <c>deprecated</c>), which draft-07 lets
/// pass as unknown. The JSON Schema drafts JsonSchema.Net evaluates are read as themselves; any other
/// format (Avro, RAML, Protobuf, OpenAPI) is refused, since the suite cannot judge a message by it.
/// </summary>
public static class PayloadFormat
{
    /// <summary>The formats a contract may name, as the refusal lists them.</summary>
    public const string Readable = "AsyncAPI schema (application/vnd.aai.asyncapi, +json, +yaml) or JSON Schema draft-07, 2019-09, 2020-12 (application/schema+json or +yaml)";

    /// <summary>The dialect of a payload that names no format: AsyncAPI's Schema Object, draft-07 based.</summary>
    public static Dialect Default => Dialect.Draft07;

    /// <summary>
    /// The dialect <paramref name="schemaFormat"/> names (<c>application/schema+json;version=draft-07</c>);
    /// one line naming <paramref name="message"/> of <paramref name="contract"/> when the suite cannot read it.
    /// </summary>
    public static Dialect Of(string contract, string message, string schemaFormat)
    {
        var parts = schemaFormat.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var mediaType = parts.FirstOrDefault()?.ToLowerInvariant() ?? "";
        var version = parts.Skip(1)
            .Select(p => p.Split('=', 2, StringSplitOptions.TrimEntries))
            .FirstOrDefault(p => p.Length == 2 && p[0].Equals("version", StringComparison.OrdinalIgnoreCase))?[1].Trim('"').ToLowerInvariant();

        var dialect = mediaType switch
        {
            "application/vnd.aai.asyncapi" or "application/vnd.aai.asyncapi+json" or "application/vnd.aai.asyncapi+yaml" => Default,
            "application/schema+json" or "application/schema+yaml" => version switch
            {
                "draft-07" => Dialect.Draft07,
                "draft-06" => Dialect.Draft06,
                "2019-09" or "draft-2019-09" or "draft/2019-09" => Dialect.Draft201909,
                "2020-12" or "draft-2020-12" or "draft/2020-12" => Dialect.Draft202012,
                _ => null,
            },
            _ => null,
        };
        return dialect ?? throw new FormatException(
            $"The contract \"{contract}\" writes the payload of the message \"{message}\" as \"{schemaFormat}\", which the suite cannot judge messages by; it reads {Readable}.");
    }
}
