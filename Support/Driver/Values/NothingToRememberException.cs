namespace BddWs.Driver.Values;

/// <summary>A step was to remember a value where there is none: no such message, field or header.</summary>
public sealed class NothingToRememberException(string message) : Exception(message)
{
    public override string? StackTrace => null;
}
