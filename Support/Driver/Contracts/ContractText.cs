using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using BddWs.Driver.Json;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace BddWs.Driver.Contracts;

/// <summary>
/// A contract file's text as JSON nodes, whether it is written in YAML or JSON. YamlDotNet reads
/// YAML; this only turns its nodes into JSON ones, reading plain scalars as YAML 1.2's core schema
/// does (<c>true</c>, <c>12</c>, <c>~</c>) and quoted ones as text.
/// </summary>
public static class ContractText
{
    /// <summary>The document in <paramref name="text"/>, from the file <paramref name="name"/>; one clear line when it cannot be read.</summary>
    public static JsonNode Parse(string name, string text)
    {
        if (text.TrimStart().StartsWith('{'))
        {
            try
            {
                return JsonNode.Parse(text) ?? throw NotAnObject(name);
            }
            catch (JsonException ex)
            {
                throw new FormatException($"The contract \"{name}\" is not valid JSON: {JsonBuilder.Where(ex)}", ex);
            }
        }

        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException ex)
        {
            throw new FormatException($"The contract \"{name}\" is not valid YAML (line {ex.Start.Line}, column {ex.Start.Column}): {Sentence(ex.InnerException?.Message ?? ex.Message)}", ex);
        }

        if (stream.Documents.Count == 0)
        {
            throw NotAnObject(name);
        }

        return FromYaml(stream.Documents[0].RootNode) ?? throw NotAnObject(name);
    }

    private static JsonNode? FromYaml(YamlNode node) => node switch
    {
        YamlMappingNode mapping => new JsonObject(mapping.Children.Select(pair =>
            KeyValuePair.Create(Key(pair.Key), FromYaml(pair.Value)))),
        YamlSequenceNode sequence => new JsonArray([.. sequence.Children.Select(FromYaml)]),
        YamlScalarNode scalar => Scalar(scalar),
        _ => null,
    };

    // JSON has only text keys; YAML's rare complex keys are written as YamlDotNet shows them.
    private static string Key(YamlNode key) => key is YamlScalarNode scalar ? scalar.Value ?? "" : key.ToString();

    private static JsonNode? Scalar(YamlScalarNode scalar)
    {
        var value = scalar.Value ?? "";
        if (scalar.Style is not (ScalarStyle.Plain or ScalarStyle.Any))
        {
            return JsonValue.Create(value);
        }

        return value switch
        {
            "" or "~" or "null" or "Null" or "NULL" => null,
            "true" or "True" or "TRUE" => JsonValue.Create(true),
            "false" or "False" or "FALSE" => JsonValue.Create(false),
            _ when long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole) => JsonValue.Create(whole),
            _ when value.Any(char.IsDigit) && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) => JsonValue.Create(number),
            _ => JsonValue.Create(value),
        };
    }

    private static FormatException NotAnObject(string name) =>
        new($"The contract \"{name}\" is not an AsyncAPI document: it holds no object.");

    private static string Sentence(string text) => text.TrimEnd('.', ' ') + ".";
}
