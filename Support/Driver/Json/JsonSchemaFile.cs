using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace BddWs.Driver.Json;

/// <summary>
/// A JSON Schema read from a file, and what it finds wrong with a message, in one readable line
/// per error (<c>at $.order.quantity: value is "string" but should be "integer"</c>). Validation is
/// JsonSchema.Net's; this only reads the file and words the result.
/// </summary>
public sealed class JsonSchemaFile
{
    private const int MaxErrorsShown = 5;

    /// <summary>Where the feature's files stand for JSON Schema's references; nothing is ever fetched from it.</summary>
    private static readonly Uri FilesRoot = new("https://feature-files.bddws.invalid/");

    private readonly JsonSchema _schema;

    // An expectation is judged again at every new message: each message is checked once.
    private readonly ConditionalWeakTable<WebSocketMessage, IReadOnlyList<string>> _errors = new();

    private readonly bool _formatAsserted;

    private JsonSchemaFile(string name, JsonSchema schema, string? described, bool formatAsserted)
    {
        Name = name;
        _schema = schema;
        _formatAsserted = formatAsserted;
        Described = described ?? $"JSON schema \"{name}\"";
    }

    /// <summary>The file's name as the feature wrote it (<c>schemas/order.json</c>).</summary>
    public string Name { get; }

    /// <summary>How an expectation names it: <c>JSON schema "schemas/order.json"</c>, or what the caller gave (a contract's message).</summary>
    public string Described { get; }

    /// <summary>
    /// The schema in the file at <paramref name="path"/>, which the feature calls <paramref name="name"/>;
    /// one clear line when it cannot be read or is no schema.
    /// </summary>
    public static JsonSchemaFile Load(string name, string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new FormatException($"The JSON schema \"{name}\" cannot be read: {Sentence(ex.Message)}", ex);
        }

        return Read(name, text, path);
    }

    /// <summary>
    /// The schema in <paramref name="text"/>, from the file <paramref name="name"/>; one clear line when
    /// it is no schema. Given the file's <paramref name="path"/>, a <c>$ref</c> to another file
    /// (<c>"common.json#/$defs/id"</c>) is read from beside it. <paramref name="described"/> replaces
    /// <c>JSON schema "name"</c> in what expectations say. A <paramref name="dialect"/> reads a schema that
    /// names no <c>$schema</c> as that draft (a contract's payload as draft-07; draft 2020-12 when none is given); <paramref name="formatAsserted"/>
    /// makes <c>format</c> an assertion where the draft makes it an annotation.
    /// </summary>
    public static JsonSchemaFile Read(string name, string text, string? path = null, string? described = null, Dialect? dialect = null, bool formatAsserted = false)
    {
        try
        {
            // A registry of its own per file: the global one refuses a second schema with the same $id.
            var registry = new SchemaRegistry();
            registry.Fetch = (uri, _) => Referenced(name, uri, registry);
            // A file that names no $schema is read as draft 2020-12, the draft the catalog promises, not
            // as whatever newer draft the library defaults to (which asserts format and refuses unknown keywords).
            var options = new BuildOptions { SchemaRegistry = registry, Dialect = dialect ?? Dialect.Draft202012 };
            return new JsonSchemaFile(name, JsonSchema.FromText(text, options, AddressOf(path ?? name)), described, formatAsserted);
        }
        catch (JsonException ex)
        {
            throw new FormatException($"The JSON schema \"{name}\" is not valid JSON: {JsonBuilder.Where(ex)}", ex);
        }
        catch (RefResolutionException ex)
        {
            throw Unresolved(name, ex);
        }
        catch (Exception ex) when (ex is JsonSchemaException or ArgumentException or InvalidOperationException or KeyNotFoundException)
        {
            throw new FormatException($"The file \"{name}\" is not a valid JSON schema: {Sentence(ex.Message)}", ex);
        }
    }

    /// <summary>What is wrong with <paramref name="message"/>; empty when it matches the schema.</summary>
    public IReadOnlyList<string> ErrorsIn(WebSocketMessage message) => _errors.GetValue(message, Evaluate);

    private IReadOnlyList<string> Evaluate(WebSocketMessage message)
    {
        if (!ParsedMessages.TryGet(message, out var document))
        {
            return [message.IsText ? "it is not JSON" : "it is binary, not JSON"];
        }

        using var json = JsonDocument.Parse(message.Text);
        EvaluationResults results;
        try
        {
            results = _schema.Evaluate(json.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = _formatAsserted });
        }
        catch (RefResolutionException ex)
        {
            // JsonSchema.Net follows most references only when a message leads it there.
            throw Unresolved(Name, ex);
        }

        if (results.IsValid)
        {
            return [];
        }

        return (results.Details ?? [])
            .Prepend(results)
            .Where(r => r.Errors is { Count: > 0 })
            .SelectMany(r => r.Errors!.Select(error => $"at {PathOf(r.InstanceLocation.ToString(), document)}: {Worded(error.Key, error.Value)}"))
            .Distinct()
            .DefaultIfEmpty("it does not match")
            .ToList();
    }

    /// <summary>One line: <c>does not match schemas/order.json: at $.a: …; at $: …</c>.</summary>
    public string Mismatch(IReadOnlyList<string> errors)
    {
        var shown = string.Join("; ", errors.Take(MaxErrorsShown));
        var more = errors.Count > MaxErrorsShown ? $"; and {Format.Count(errors.Count - MaxErrorsShown, "more error")}" : "";
        return $"does not match {Name}: {shown}{more}";
    }

    /// <summary><c>matching the JSON schema "schemas/order.json"</c>; the message with fewest errors is the closest in a failure.</summary>
    public MessageCheck Check() => new MessageCheck(
        $"matching the {Described}",
        m => ErrorsIn(m).Count == 0)
    {
        // A message that is not JSON is never the closest: the list of messages already shows what it is.
        Compare = m => ParsedMessages.TryGet(m, out _) && ErrorsIn(m) is { Count: > 0 } errors
            ? new TextMismatch(Math.Max(0, 1000 - errors.Count), Mismatch(errors))
            : null,
    };

    /// <summary>
    /// <c>/order/items/0</c> as the step library writes paths, <c>$.order.items[0]</c>: an index where
    /// the message has an array, a name where it has an object.
    /// </summary>
    internal static string PathOf(string pointer, JsonNode? document)
    {
        var path = "$";
        var node = document;
        foreach (var raw in pointer.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var segment = raw.Replace("~1", "/").Replace("~0", "~");
            if (node is JsonArray array && int.TryParse(segment, out var index))
            {
                path += $"[{index}]";
                node = index < array.Count ? array[index] : null;
            }
            else
            {
                path += segment.All(c => char.IsLetterOrDigit(c) || c is '_' or '-' or '$' or '@') ? $".{segment}" : $"['{segment}']";
                node = node is JsonObject obj && obj.TryGetPropertyValue(segment, out var child) ? child : null;
            }
        }

        return path;
    }

    /// <summary>
    /// The library's sentence, to follow "at $.x:". A JSON string it quotes again (<c>Expected "\u0022tick\u0022"</c>
    /// for a const) reads <c>expected "tick"</c>.
    /// </summary>
    /// <summary>
    /// The address a schema file stands at, under which its relative <c>$ref</c>s resolve: its full path
    /// under a made-up host. Not a file: URI, since JsonSchema.Net then loses a $ref's #fragment
    /// (it escapes it into the file name).
    /// </summary>
    private static Uri AddressOf(string path) =>
        new UriBuilder(FilesRoot.Scheme, FilesRoot.Host) { Path = Path.GetFullPath(path).Replace('\\', '/') }.Uri;

    private static string FileAt(Uri address)
    {
        var path = Uri.UnescapeDataString(address.AbsolutePath);
        // "/C:/suite/x.json" on Windows.
        return path.Length > 2 && path[2] == ':' ? path[1..] : path;
    }

    /// <summary>A file another schema refers to, read when JsonSchema.Net first follows the reference; null when it is not there.</summary>
    private static JsonSchema? Referenced(string name, Uri address, SchemaRegistry registry)
    {
        if (address.Host != FilesRoot.Host || !File.Exists(FileAt(address)))
        {
            return null;
        }

        try
        {
            return JsonSchema.FromText(File.ReadAllText(FileAt(address)), new BuildOptions { SchemaRegistry = registry }, new Uri(address.GetLeftPart(UriPartial.Path)));
        }
        catch (JsonException ex)
        {
            throw new FormatException($"The JSON schema \"{name}\" refers to {FileAt(address)}, which is not valid JSON: {JsonBuilder.Where(ex)}", ex);
        }
    }

    private static FormatException Unresolved(string name, RefResolutionException error)
    {
        var target = error.BaseUri.Host == FilesRoot.Host
            ? $"{FileAt(error.BaseUri)}{error.BaseUri.Fragment}"
            : error.BaseUri.ToString();
        return new FormatException($"The JSON schema \"{name}\" refers to {target}{(error.Anchor is null ? "" : $" (#{error.Anchor})")}, which cannot be found.", error);
    }

    private static string Worded(string keyword, string error) =>
        // Only a false schema (additionalProperties: false, items: false) errs without a keyword, saying "all values fail against the false schema".
        keyword.Length == 0 ? "not allowed by the schema" : Lowered(error);

    private static string Lowered(string error)
    {
        if (error.Contains("\\u0022", StringComparison.Ordinal))
        {
            error = error.Replace("\\u0022", "\"").Replace("\"\"", "\"");
        }

        return error.Length > 0 ? char.ToLowerInvariant(error[0]) + error[1..].TrimEnd('.') : error;
    }

    private static string Sentence(string text) => text.TrimEnd('.', ' ') + ".";
}
