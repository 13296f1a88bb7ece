namespace BddWs.Driver.Values;

/// <summary>A step used <c>${name}</c> for a value the scenario never remembered and the environment lacks.</summary>
public sealed class UnknownValueException(string message) : Exception(message)
{
    public override string? StackTrace => null;
}
