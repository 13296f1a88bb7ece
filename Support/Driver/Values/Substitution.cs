namespace BddWs.Driver.Values;

/// <summary>One <c>${name}</c> replaced in a step: shown in the report, masked when secret.</summary>
public sealed record Substitution(string Name, string Value, bool Secret, bool FromEnvironment)
{
    /// <summary><c>${orderId} = "ord-7"</c>, <c>${token} = ***</c>.</summary>
    public override string ToString() =>
        $"${{{Name}}} = {(Secret ? Secrets.Mask : Format.Quoted(Value))}{(FromEnvironment ? " (from the environment)" : "")}";
}
