using System.Text.Json.Nodes;
using BddWs.Driver.Json;

namespace BddWs.Driver.Contracts;

/// <summary>A message a contract describes: its name and the JSON Schema of its payload.</summary>
public sealed class ContractMessage(string name, JsonSchemaFile schema)
{
    /// <summary>Its key in the contract (<c>greeting</c>), or its <c>name</c> where it has no key.</summary>
    public string Name { get; } = name;

    public JsonSchemaFile Schema { get; } = schema;

    /// <summary>
    /// The message described by <paramref name="message"/> (already free of references): its payload,
    /// or, in AsyncAPI 3.0's multi-format form, the payload's <c>schema</c>. No payload allows anything.
    /// </summary>
    public static ContractMessage From(string contract, string contractPath, string name, JsonNode? message)
    {
        var payload = message is JsonObject obj && obj.TryGetPropertyValue("payload", out var given) ? given : JsonValue.Create(true);
        if (payload is JsonObject multiFormat && multiFormat.ContainsKey("schemaFormat") && multiFormat.TryGetPropertyValue("schema", out var inner))
        {
            payload = inner;
        }

        var schemaName = $"contract message \"{name}\"";
        try
        {
            return new ContractMessage(name, JsonSchemaFile.Read(schemaName, payload?.ToJsonString() ?? "true", contractPath, schemaName));
        }
        catch (FormatException ex)
        {
            // JsonSchemaFile names a file; here the schema is part of the contract, so only its reason is kept.
            const string Reason = "is not a valid JSON schema: ";
            var reason = ex.Message.Contains(Reason, StringComparison.Ordinal) ? ex.Message[(ex.Message.IndexOf(Reason, StringComparison.Ordinal) + Reason.Length)..] : ex.Message;
            throw new FormatException($"The contract \"{contract}\" gives the message \"{name}\" a payload that is not a valid JSON schema: {reason}", ex);
        }
    }
}
