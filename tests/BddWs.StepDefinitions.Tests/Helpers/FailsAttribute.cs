namespace BddWs.StepDefinitions.Tests.Helpers;

/// <summary>Marks a test that proves a Then-step fails in front of the wrong behaviour; see <see cref="StepCoverageTests"/>.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class FailsAttribute(Type steps, string method) : Attribute
{
    public Type Steps { get; } = steps;

    public string Method { get; } = method;
}
