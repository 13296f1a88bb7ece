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
    /// The message described by <paramref name="message"/> (already free of references): its payload, read
    /// in the format the message (AsyncAPI 2.x) or the payload (3.x's <c>{ schemaFormat, schema }</c>) names,
    /// by default as an AsyncAPI Schema Object (draft-07). No payload allows anything.
    /// </summary>
    public static ContractMessage From(ContractReading contract, string name, JsonNode? message)
    {
        var payload = message is JsonObject obj && obj.TryGetPropertyValue("payload", out var given) ? given : JsonValue.Create(true);
        var dialect = PayloadFormat.Default;
        if (contract.FormatOnMessage && (message as JsonObject)?["schemaFormat"] is JsonValue format)
        {
            dialect = PayloadFormat.Of(contract.Name, name, format.ToString());
        }
        else if (!contract.FormatOnMessage && payload is JsonObject multiFormat && multiFormat.TryGetPropertyValue("schema", out var inner))
        {
            // A Multi Format Schema Object is told from a schema by its "schema", as AsyncAPI's own JSON Schema does.
            dialect = PayloadFormat.Of(contract.Name, name, multiFormat["schemaFormat"]?.ToString() ?? "");
            payload = inner;
        }

        var schemaName = $"contract message \"{name}\"";
        try
        {
            return new ContractMessage(name, JsonSchemaFile.Read(schemaName, payload?.ToJsonString() ?? "true", contract.Path, schemaName, dialect, contract.FormatAsserted));
        }
        catch (FormatException ex)
        {
            // JsonSchemaFile names a file; here the schema is part of the contract, so only its reason is kept.
            const string Reason = "is not a valid JSON schema: ";
            var reason = ex.Message.Contains(Reason, StringComparison.Ordinal) ? ex.Message[(ex.Message.IndexOf(Reason, StringComparison.Ordinal) + Reason.Length)..] : ex.Message;
            throw new FormatException($"The contract \"{contract.Name}\" gives the message \"{name}\" a payload that is not a valid JSON schema: {reason}", ex);
        }
    }
}
