namespace BddWs.Tests.Bridge;

/// <summary>A step's result as the report's Cucumber messages carry it.</summary>
public sealed record StepResult(string Status, string Message, bool HasException);
