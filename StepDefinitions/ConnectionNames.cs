using BddWs.Driver;

namespace BddWs.StepDefinitions;

/// <summary>
/// Several named connections in one sentence: <c>"Bob" and "Carol"</c>, <c>"Bob", "Carol" and "Dave"</c>.
/// See <see cref="ParameterTypes.Names"/>.
/// </summary>
public sealed record ConnectionNames(IReadOnlyList<string> Names)
{
    /// <summary>The scenario's connections of these names, in the sentence's order.</summary>
    public IReadOnlyList<WebSocketSession> In(ScenarioConnections connections) => [.. Names.Select(name => connections[name])];

    /// <summary>As the sentence wrote them, for Reqnroll's trace.</summary>
    public override string ToString() =>
        string.Join(", ", Names.SkipLast(1).Select(n => $"\"{n}\"")) + $" and \"{Names[^1]}\"";
}
