using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using BddWs.Driver.Json;
using Json.Pointer;
using Json.Schema;

namespace BddWs.Driver.Contracts;

/// <summary>
/// The one mistake worth telling among all a schema found: a document that breaks a schema of
/// alternatives (a message is a reference or a message object) fails every alternative, and only the
/// failure deepest in the document says what the writer got wrong. Among equally deep ones, the first
/// the schema met.
/// </summary>
internal static class SchemaMistake
{
    private const int LongestValueShown = 60;

    private static readonly JsonSerializerOptions AsWritten = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary><c>at $.info: "title" is required but missing</c>, for <paramref name="results"/> (hierarchical) of <paramref name="instance"/> against <paramref name="schema"/>.</summary>
    public static string Of(EvaluationResults results, JsonNode schema, JsonNode instance)
    {
        (EvaluationResults Result, string Keyword, string Error)? chosen = null;
        foreach (var failure in Failures(results))
        {
            if (chosen is null || failure.Result.InstanceLocation.SegmentCount > chosen.Value.Result.InstanceLocation.SegmentCount)
            {
                chosen = failure;
            }
        }

        if (chosen is not { } mistake)
        {
            return "at $: it does not match";
        }

        var pointer = mistake.Result.InstanceLocation.ToString();
        var where = JsonSchemaFile.PathOf(pointer, instance);
        mistake.Result.InstanceLocation.TryEvaluate(instance, out var value);
        var rule = RuleAt(schema, mistake.Result.SchemaLocation);
        return $"at {where}: {Worded(mistake.Keyword, mistake.Error, value, rule)}";
    }

    /// <summary>Every error under a failed result, through failed subschemas only; an <c>if</c> that failed chose <c>else</c>, and is no mistake.</summary>
    private static IEnumerable<(EvaluationResults Result, string Keyword, string Error)> Failures(EvaluationResults result)
    {
        if (result.IsValid)
        {
            yield break;
        }

        foreach (var error in result.Errors ?? new Dictionary<string, string>())
        {
            yield return (result, error.Key, error.Value);
        }

        foreach (var detail in result.Details ?? [])
        {
            if (!detail.EvaluationPath.ToString().EndsWith("/if", StringComparison.Ordinal))
            {
                foreach (var failure in Failures(detail))
                {
                    yield return failure;
                }
            }
        }
    }

    /// <summary>The subschema that found the mistake, as written in the schema document.</summary>
    private static JsonObject? RuleAt(JsonNode schema, Uri location) =>
        JsonPointer.TryParse(Uri.UnescapeDataString(location.Fragment.TrimStart('#')), out var pointer) && pointer.TryEvaluate(schema, out var rule)
            ? rule as JsonObject
            : null;

    private static string Worded(string keyword, string error, JsonNode? value, JsonObject? rule) => keyword switch
    {
        // A false schema: under additionalProperties, a key the object may not have.
        "" => "no such field is allowed here",
        "required" when value is JsonObject given && rule?["required"] is JsonArray required =>
            Missing([.. required.Select(r => r?.ToString() ?? "").Where(name => !given.ContainsKey(name))]),
        "enum" when rule?["enum"] is JsonArray allowed =>
            $"{Shown(value)} is not one of {string.Join(", ", allowed.Select(Shown))}",
        "const" when rule is not null && rule.TryGetPropertyValue("const", out var wanted) =>
            $"{Shown(value)} should be {Shown(wanted)}",
        _ => error.Length > 0 ? char.ToLowerInvariant(error[0]) + error[1..].TrimEnd('.') : "it does not match",
    };

    private static string Missing(IReadOnlyList<string> names) => names.Count switch
    {
        0 => "a required field is missing",
        1 => $"\"{names[0]}\" is required but missing",
        _ => $"{string.Join(", ", names.Take(names.Count - 1).Select(n => $"\"{n}\""))} and \"{names[^1]}\" are required but missing",
    };

    private static string Shown(JsonNode? value)
    {
        var text = value?.ToJsonString(AsWritten) ?? "null";
        return text.Length <= LongestValueShown ? text : text[..LongestValueShown] + "…";
    }
}
