namespace BddWs.StepDefinitions;

/// <summary>
/// Who a sentence speaks of: <c>I</c> (the scenario's default connection) or a quoted name
/// such as <c>"Alice"</c>. See <see cref="ParameterTypes.Who"/>.
/// </summary>
public readonly record struct ConnectionName(string Name)
{
    /// <summary>The scenario's unnamed connection, the one "I" stands for.</summary>
    public static ConnectionName Default { get; } = new(BddWs.Driver.ScenarioConnections.DefaultName);

    public static implicit operator string(ConnectionName who) => who.Name;

    /// <summary>As the sentence wrote it, for Reqnroll's trace: <c>I</c> or <c>"Bob"</c>.</summary>
    public override string ToString() => Name.Length == 0 ? "I" : $"\"{Name}\"";
}
