namespace BddWs.Driver.Values;

/// <summary>
/// A step was to remember a value where there is none: no such message, field or header.
/// Reads <c>Nothing to remember as ${orderId}: </c> and then <paramref name="why"/>.
/// </summary>
public sealed class NothingToRememberException(string name, string why) : Exception($"Nothing to remember as ${{{name}}}: {why}")
{
    public override string? StackTrace => null;
}
