namespace BddWs.StepDefinitions;

/// <summary>
/// Where a connecting sentence or a request goes: the <c> on instance "b"</c> it may end with, as
/// <see cref="ParameterTypes.OnInstanceOf"/> reads it (a named instance of the service, from
/// <c>BDDWS_SERVERS</c> or hosted by the suite), or, left out, the server under test. A type of its own,
/// so that every such sentence says "on instance" the same way and in one place (<c>{on-instance}</c>).
/// </summary>
public readonly record struct OnInstance(string? Name)
{
    public override string ToString() => Name is { } name ? $" on instance \"{name}\"" : "";
}
