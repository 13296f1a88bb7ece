namespace BddWs.Cli.Suites;

/// <summary>No suite where the tool was started, or several and none named: the message says what to do.</summary>
public sealed class SuiteNotFoundException(string message) : Exception(message);
