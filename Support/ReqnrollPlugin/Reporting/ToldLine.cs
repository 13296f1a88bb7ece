namespace BddWs.ReqnrollPlugin.Reporting;

/// <summary>
/// A line of the conversation as the console and the report show it; <see cref="Whole"/> is the
/// whole text of the message the line shows shortened, null when the line shows it all.
/// </summary>
public sealed record ToldLine(string Line, string? Whole);
