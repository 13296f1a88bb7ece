namespace BddWs.Specs.Support.Bridge;

/// <summary>
/// Reads the tags of a feature file without parsing it: every line that starts with <c>@</c>
/// gives its tags, up to a comment (a word starting with <c>#</c>). For files the Gherkin parser rejects, where the
/// tags are still what a tag filter selects by.
/// </summary>
public static class TagLines
{
    /// <summary>Every tag in the text, without the <c>@</c>, each once, in the order written.</summary>
    public static IReadOnlyList<string> Read(string text) => text
        .Split('\n')
        .Select(line => line.Trim())
        .Where(line => line.StartsWith('@'))
        .SelectMany(line => line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries).TakeWhile(word => word[0] != '#'))
        .Where(word => word.Length > 1 && word[0] == '@')
        .Select(word => word[1..])
        .Distinct(StringComparer.Ordinal)
        .ToList();
}
