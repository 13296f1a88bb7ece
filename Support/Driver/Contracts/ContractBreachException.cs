namespace BddWs.Driver.Contracts;

/// <summary>A message sent or received during a step does not fit the contract the scenario follows.</summary>
public sealed class ContractBreachException(string message) : Exception(message)
{
    public override string? StackTrace => null;
}
