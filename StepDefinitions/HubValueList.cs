using System.Text.Json.Nodes;

namespace BddWs.StepDefinitions;

/// <summary>
/// JSON values written in a sentence as a list (<c>3, 2 and 1</c>), as
/// <see cref="HubParameterTypes.Values"/> reads them.
/// </summary>
public sealed record HubValueList(JsonArray Values);
