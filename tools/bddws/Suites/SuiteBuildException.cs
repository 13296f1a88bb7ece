namespace BddWs.Cli.Suites;

/// <summary>The suite could not be built (or MSBuild could not read its project); the message is MSBuild's.</summary>
public sealed class SuiteBuildException(string message) : Exception(message);
