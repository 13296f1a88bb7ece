using System.Text.RegularExpressions;
using BddWs.Bridge;

namespace BddWs.ReqnrollPlugin.Catalog;

/// <summary>
/// Finds the catalog's example sentences closest to a sentence no step matches: words compared,
/// quoted text counted as one word and filler words left out, the same keyword counting a little extra.
/// </summary>
public sealed partial class CatalogAdvisor(StepCatalog catalog) : IUndefinedStepAdvisor
{
    public const int Suggestions = 3;

    // Words every sentence has say nothing about which one was meant.
    private static readonly HashSet<string> Filler = ["i", "a", "an", "the", "is", "am", "are", "of", "to", "and", "with"];

    public IReadOnlyList<string> ClosestSentences(string keyword, string text)
    {
        var words = Words(text);
        return catalog.Entries
            .Where(e => e.Example.Length > 0)
            .Select(e => (Sentence: $"{e.Keyword} {e.ExampleSentence}", Score: Similarity(words, Words(e.ExampleSentence))))
            .Where(s => s.Score > 0.2)
            .OrderByDescending(s => s.Score)
            .Select(s => s.Sentence)
            .Distinct()
            .Take(Suggestions)
            .ToList();
    }

    /// <summary>
    /// Dice coefficient of the two word lists: 1 for the same words, 0 for none in common. A word
    /// one typing slip away (<c>mesage</c>, <c>message</c>) counts as the same.
    /// </summary>
    private static double Similarity(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        var remaining = b.ToList();
        var common = 0;
        foreach (var word in a)
        {
            var match = remaining.FindIndex(other => other == word || (word.Length > 3 && OneSlipApart(word, other)));
            if (match >= 0)
            {
                remaining.RemoveAt(match);
                common++;
            }
        }

        return a.Count + b.Count == 0 ? 0 : 2.0 * common / (a.Count + b.Count);
    }

    /// <summary>One letter added, dropped or changed, or two neighbours swapped (<c>sned</c>, <c>send</c>).</summary>
    private static bool OneSlipApart(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 1)
        {
            return false;
        }

        if (a.Length == b.Length && Swapped(a, b))
        {
            return true;
        }

        var (shorter, longer) = a.Length <= b.Length ? (a, b) : (b, a);
        var start = 0;
        while (start < shorter.Length && shorter[start] == longer[start]) start++;
        var tail = shorter.Length == longer.Length ? start + 1 : start;
        return shorter.AsSpan(Math.Min(tail, shorter.Length)).SequenceEqual(longer.AsSpan(start + 1));
    }

    private static bool Swapped(string a, string b)
    {
        var first = 0;
        while (first < a.Length && a[first] == b[first]) first++;
        return first + 1 < a.Length && a[first] == b[first + 1] && a[first + 1] == b[first]
               && a.AsSpan(first + 2).SequenceEqual(b.AsSpan(first + 2));
    }

    private static List<string> Words(string sentence) =>
        Word().Matches(Quoted().Replace(sentence.ToLowerInvariant(), " text ")).Select(m => m.Value).Where(w => !Filler.Contains(w)).ToList();

    [GeneratedRegex("\"[^\"]*\"|'[^']*'")]
    private static partial Regex Quoted();

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Word();
}
