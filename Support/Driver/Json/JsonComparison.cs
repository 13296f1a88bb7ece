using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using BddWs.Driver.Values;

namespace BddWs.Driver.Json;

/// <summary>
/// One received JSON document held against an expected one: how many values agree, where they
/// first differ (in the expected document's order), and what the <c>(remember name)</c> placeholders
/// caught. Objects compare field by field, key order and white space aside; numbers as numbers
/// (<c>1.0</c> is <c>1</c>); arrays element by element, same length. When extra fields are allowed
/// ("containing") a received object may have fields the expected one lacks, at any depth, inside
/// arrays too; otherwise ("equal") each one is a difference.
/// </summary>
public sealed class JsonComparison
{
    private const int MaxValueLength = 60;

    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly bool _extraFieldsAllowed;
    private readonly List<(string Name, string Value, string Path)> _remembered = [];

    private JsonComparison(bool extraFieldsAllowed) => _extraFieldsAllowed = extraFieldsAllowed;

    /// <summary>How many values (and field or element counts) agree: the larger, the closer the document.</summary>
    public int Agreeing { get; private set; }

    /// <summary>Where the documents first part, in words (<c>differs at $.a: expected 2, received "2"</c>); null when they match.</summary>
    public string? FirstDifference { get; private set; }

    public bool Matches => FirstDifference is null;

    /// <summary>The values the <c>(remember name)</c> placeholders caught, with the path each was found at.</summary>
    public IReadOnlyList<(string Name, string Value, string Path)> Remembered => _remembered;

    public static JsonComparison Of(JsonNode? expected, JsonNode? actual, bool extraFieldsAllowed)
    {
        var comparison = new JsonComparison(extraFieldsAllowed);
        comparison.Compare(expected, actual, "$");
        return comparison;
    }

    /// <summary>A value as a failure shows it: compact JSON (strings quoted, so <c>"2"</c> and <c>2</c> differ), long ones shortened.</summary>
    public static string Show(JsonNode? value)
    {
        var json = value?.ToJsonString(Readable) ?? "null";
        return json.Length > MaxValueLength ? json[..MaxValueLength] + "…" : json;
    }

    private void Compare(JsonNode? expected, JsonNode? actual, string path)
    {
        if (JsonPlaceholder.TryRead(expected, out var placeholder))
        {
            Judge(placeholder.Accepts(actual), path, expected, actual);
            if (placeholder.RememberAs is { } name)
            {
                _remembered.Add((name, JsonText.Of(actual), path));
            }

            return;
        }

        switch (expected, actual)
        {
            case (JsonObject expectedObject, JsonObject actualObject):
                CompareObjects(expectedObject, actualObject, path);
                break;
            case (JsonArray expectedArray, JsonArray actualArray):
                CompareArrays(expectedArray, actualArray, path);
                break;
            default:
                Judge(SameValue(expected, actual), path, expected, actual);
                break;
        }
    }

    private void CompareObjects(JsonObject expected, JsonObject actual, string path)
    {
        foreach (var (name, expectedValue) in expected)
        {
            var fieldPath = Child(path, name);
            var present = actual.TryGetPropertyValue(name, out var actualValue);
            var placeholder = JsonPlaceholder.TryRead(expectedValue, out var p) ? p : null;
            if (placeholder?.WantsMissing == true)
            {
                Judge(!present, fieldPath, expectedValue, actualValue);
            }
            else if (!present)
            {
                Differ($"differs: {fieldPath} is missing, expected {Expected(expectedValue)}");
            }
            else
            {
                Compare(expectedValue, actualValue, fieldPath);
            }
        }

        if (!_extraFieldsAllowed)
        {
            foreach (var (name, value) in actual.Where(field => !expected.ContainsKey(field.Key)))
            {
                Differ($"differs: {Child(path, name)} was not expected, received {Received(Child(path, name), value)}");
            }
        }
    }

    private void CompareArrays(JsonArray expected, JsonArray actual, string path)
    {
        if (expected.Count != actual.Count)
        {
            Differ($"differs: {path} has {Format.Count(actual.Count, "element")}, expected {expected.Count}");
        }
        else
        {
            Agreeing++;
        }

        for (var i = 0; i < Math.Min(expected.Count, actual.Count); i++)
        {
            Compare(expected[i], actual[i], $"{path}[{i}]");
        }
    }

    private void Judge(bool agrees, string path, JsonNode? expected, JsonNode? actual)
    {
        if (agrees)
        {
            Agreeing++;
        }
        else if (FirstDifference is null)
        {
            Differ($"differs at {path}: expected {Expected(expected)}, received {Received(path, actual)}");
        }
    }

    private static string Expected(JsonNode? expected) => JsonPlaceholder.TryRead(expected, out var placeholder) ? placeholder.Text : Show(expected);

    // A field named like a credential is never shown, not even where it differs.
    private static string Received(string path, JsonNode? actual) => SecretNames.Looks(path) ? Secrets.Mask : Show(actual);

    private void Differ(string description) => FirstDifference ??= description;

    private static bool SameValue(JsonNode? expected, JsonNode? actual)
    {
        if (expected is JsonValue e && actual is JsonValue a && e.GetValueKind() == JsonValueKind.Number && a.GetValueKind() == JsonValueKind.Number)
        {
            // Decimal keeps 1.10 and 1.1 equal and tells 0.1 from 0.1000000001; double takes what decimal cannot hold.
            return Exact(e) is { } x && Exact(a) is { } y ? x == y : Approximate(e) == Approximate(a);
        }

        return JsonNode.DeepEquals(expected, actual);
    }

    private static decimal? Exact(JsonValue number) =>
        decimal.TryParse(number.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var exact) ? exact : null;

    private static double Approximate(JsonValue number) =>
        double.Parse(number.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary><c>$.order.id</c>, or <c>$['odd key']</c> for a name the path language cannot write plainly.</summary>
    private static string Child(string path, string name) =>
        name.Length > 0 && name.All(c => char.IsLetterOrDigit(c) || c is '_' or '-' or '$' or '@')
            ? $"{path}.{name}"
            : $"{path}['{name}']";
}
