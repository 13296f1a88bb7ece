namespace BddWs.Bridge;

/// <summary>
/// The closest existing sentences for a step no binding matches. They travel inside Reqnroll's
/// snippet as C# comments (the one text Reqnroll hands on for an undefined step), and are read
/// back from it to be shown alone, as plain lines, in the console and in the report, with one line
/// saying where a developer finds the code (<see cref="UndefinedStepCode"/>).
/// </summary>
public static class UndefinedStepAdvice
{
    private const string Comment = "// ";

    /// <summary><c>// No step matches "When I send the message "hi"". Closest existing sentences:</c> and one line each.</summary>
    public static string AsComment(string keyword, string text, IReadOnlyList<string> sentences) =>
        sentences.Count == 0
            ? $"{Comment}No step matches \"{keyword} {text}\", and no existing sentence is close: see the step catalog.\n\n"
            : $"{Comment}No step matches \"{keyword} {text}\". Closest existing sentences:\n" +
              string.Concat(sentences.Select(s => $"{Comment}  {s}\n")) + "\n";

    /// <summary>The advice in a text holding a snippet, as plain lines; empty when there is none.</summary>
    public static IReadOnlyList<string> Read(string text) =>
        Lines(text).Where(IsAdvice).Select(line => line.TrimStart()[Comment.Length..]).ToList();

    /// <summary>
    /// What the product owner reads of an undefined step: the advice in a text holding a snippet,
    /// and where the code to paste is; Reqnroll's own first line when the text has no advice.
    /// </summary>
    public static string ForTheReader(string text, string newLine)
    {
        var advice = Read(text);
        var said = advice.Count > 0 ? advice : Lines(text).Where(l => l.Trim().Length > 0).Take(1).ToList();
        return string.Join(newLine, said.Append(UndefinedStepCode.WhereLine));
    }

    /// <summary>The text without its advice lines: what a developer pastes.</summary>
    public static string WithoutAdvice(string text) =>
        string.Join("\n", Lines(text).Where(line => !IsAdvice(line))).Trim('\n');

    private static string[] Lines(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');

    private static bool IsAdvice(string line)
    {
        var trimmed = line.TrimStart();
        return trimmed.StartsWith(Comment + "No step matches \"", StringComparison.Ordinal) ||
               trimmed.StartsWith(Comment + "  ", StringComparison.Ordinal);
    }
}
