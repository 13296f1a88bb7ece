using System.Text.Json.Nodes;

namespace BddWs.StepDefinitions;

/// <summary>
/// One JSON value written in a sentence (<c>5</c>, <c>"ada"</c>, <c>{"name":"red"}</c>), as
/// <see cref="HubParameterTypes.Value"/> reads it. A type of its own, so that Reqnroll matches
/// <c>{hub-value}</c> by its pattern and not as any text.
/// </summary>
public sealed record HubValue(JsonNode? Value);
