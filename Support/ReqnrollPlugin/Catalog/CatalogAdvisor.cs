using BddWs.Bridge;
using Reqnroll.Bindings;

namespace BddWs.ReqnrollPlugin.Catalog;

/// <summary>
/// Finds the catalog's sentences closest to a step no sentence matches, as the writer meant it:
/// words compared in their common form (<see cref="SentenceWords"/>: synonyms, plurals, verb forms,
/// filler words left out), a word one typing slip away counting nearly as the same, values compared
/// by kind only, rarer words counting more than words many sentences have, and the order of the
/// words deciding only between otherwise equal sentences. The keyword plays no part: any keyword
/// matches. Each suggestion is the sentence's example, with the writer's own values where they fit.
/// </summary>
public sealed partial class CatalogAdvisor : IUndefinedStepAdvisor
{
    public const int Suggestions = 3;

    // Below this, a sentence shares too little with the step to be what the writer meant.
    private const double Threshold = 0.3;

    // A word one slip away is probably the same word, but less surely than the word itself.
    private const double SlipFactor = 0.8;

    // Enough to put sentences whose words stand in the writer's order first, too little to outweigh a word.
    private const double OrderWeight = 0.05;

    private readonly IReadOnlyList<(CatalogEntry Entry, SentenceWords Words)> _sentences;
    private readonly Dictionary<string, double> _weights;
    private readonly double _unknownWeight;
    private readonly double _valueWeight;
    private readonly IBindingRegistry _bindings;

    public CatalogAdvisor(StepCatalog catalog, IBindingRegistry bindings)
    {
        _bindings = bindings;
        _sentences = catalog.Entries.Where(e => e.Example.Length > 0).Select(e => (e, SentenceWords.Of(e.ExampleSentence))).ToList();
        // How telling a word is: the fewer sentences have it, the more it says which one was meant.
        var count = Math.Max(_sentences.Count, 1);
        _weights = _sentences.SelectMany(s => s.Words.Words.Distinct()).GroupBy(w => w)
            .ToDictionary(g => g.Key, g => Math.Log(1.0 + (double)count / g.Count()));
        _unknownWeight = Math.Log(1.0 + count);
        // Nearly every sentence has a value, yet how many it takes tells sentences apart as much as an ordinary word does.
        var words = _weights.Where(w => !SentenceWords.IsValue(w.Key)).Select(w => w.Value).ToList();
        _valueWeight = words.Count == 0 ? 1 : words.Average();
    }

    public IReadOnlyList<string> ClosestSentences(string keyword, string text)
    {
        // A "within 500 ms" the writer added is the optional [within T] of a waiting sentence: compared
        // without it there, and put back into the suggestion; a sentence whose own time is its meaning
        // ("receive no message within …") is compared as written.
        var within = WithinTime().Match(text);
        var rest = within.Success ? text.Remove(within.Index, within.Length) : text;
        var written = SentenceWords.Of(text);
        var writtenWithout = SentenceWords.Of(rest);
        return _sentences
            .Select(s => (s.Entry, s.Words, Written: s.Entry.TakesWithin ? writtenWithout : written))
            .Select(s => (s.Entry, s.Words, s.Written, Score: Similarity(s.Written.Words, s.Words.Words)))
            .Where(s => s.Score >= Threshold)
            .OrderByDescending(s => s.Score)
            .Select(s => $"{s.Entry.Keyword} {WithWithin(s.Entry, AsTheWriterSpeaks(s.Entry, WithValues(s.Entry, s.Words, s.Written), text), within)}")
            .Distinct()
            .Take(Suggestions)
            .ToList();
    }

    /// <summary>The suggestion with the writer's <c>within T</c> where the sentence takes it (before a word or a closing colon, or at the end).</summary>
    private string WithWithin(CatalogEntry entry, string sentence, System.Text.RegularExpressions.Match within)
    {
        if (!within.Success || !entry.TakesWithin)
        {
            return sentence;
        }

        var places = sentence.Select((c, i) => (c, i)).Where(p => p.c is ' ' or ':').Select(p => p.i).Append(sentence.Length);
        foreach (var place in places)
        {
            var candidate = sentence.Insert(place, within.Value);
            if (Matches(entry, candidate))
            {
                return candidate;
            }
        }

        return sentence;
    }

    // The words of [within T] as a writer puts them anywhere in a sentence: " within 500 ms", " within 1.5 seconds".
    [System.Text.RegularExpressions.GeneratedRegex(@" within \d+(?:\.\d+)? ?(?:ms|milliseconds?|seconds?|s)\b")]
    private static partial System.Text.RegularExpressions.Regex WithinTime();

    /// <summary>
    /// Weighted Dice coefficient of the two word lists (1 for the same words, 0 for none in
    /// common), plus a little for words in the same order.
    /// </summary>
    private double Similarity(IReadOnlyList<string> written, IReadOnlyList<string> known)
    {
        var total = written.Sum(Weight) + known.Sum(Weight);
        if (total == 0)
        {
            return 0;
        }

        var remaining = known.ToList();
        var common = 0.0;
        foreach (var word in written)
        {
            var match = remaining.IndexOf(word);
            var factor = 1.0;
            if (match < 0)
            {
                match = remaining.FindIndex(other => word.Length > 3 && other.Length > 3 && OneSlipApart(word, other));
                factor = SlipFactor;
            }

            if (match >= 0)
            {
                common += factor * (Weight(word) + Weight(remaining[match]));
                remaining.RemoveAt(match);
            }
        }

        return common / total + OrderWeight * CommonOrder(written, known) / Math.Max(written.Count, known.Count);
    }

    private double Weight(string word) => SentenceWords.IsValue(word) ? _valueWeight : _weights.GetValueOrDefault(word, _unknownWeight);

    /// <summary>How many words the two lists have in the same order (longest common subsequence).</summary>
    private static int CommonOrder(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        var lengths = new int[a.Count + 1, b.Count + 1];
        for (var i = 1; i <= a.Count; i++)
        {
            for (var j = 1; j <= b.Count; j++)
            {
                lengths[i, j] = a[i - 1] == b[j - 1] ? lengths[i - 1, j - 1] + 1 : Math.Max(lengths[i - 1, j], lengths[i, j - 1]);
            }
        }

        return lengths[a.Count, b.Count];
    }

    /// <summary>
    /// The example with the writer's values in place of its own, kind by kind, where the writer
    /// gave as many of that kind; kept as it is unless the result is still the sentence.
    /// </summary>
    private string WithValues(CatalogEntry entry, SentenceWords example, SentenceWords written)
    {
        var sentence = entry.ExampleSentence;
        var replacements = new List<(int Index, string Text, string Written)>();
        foreach (var kind in example.Values.Select(v => v.Kind).Distinct())
        {
            var own = Same(example.Values, kind);
            var theirs = Same(written.Values, kind);
            if (own.Count == theirs.Count)
            {
                replacements.AddRange(own.Zip(theirs, (o, t) => (o.Index, o.Text, t.Text)).Where(r => r.Item2 != r.Item3));
            }
        }

        if (replacements.Count == 0)
        {
            return sentence;
        }

        var filled = replacements.OrderByDescending(r => r.Index).Aggregate(sentence, (s, r) => s[..r.Index] + r.Written + s[(r.Index + r.Text.Length)..]);
        return Matches(entry, filled) ? filled : sentence;
    }

    /// <summary>
    /// The writer who speaks as "I" gets the sentence as "I" would say it (<c>"Alice" invokes</c> becomes
    /// <c>I invoke</c>), where the sentence allows it; any other suggestion is kept as it is.
    /// </summary>
    private string AsTheWriterSpeaks(CatalogEntry entry, string sentence, string written)
    {
        if (!written.StartsWith("I ", StringComparison.Ordinal) || sentence.Length == 0 || sentence[0] != '"')
        {
            return sentence;
        }

        var nameEnd = sentence.IndexOf("\" ", 1, StringComparison.Ordinal);
        if (nameEnd < 0)
        {
            return sentence;
        }

        var rest = sentence[(nameEnd + 2)..];
        var verbEnd = rest.IndexOf(' ', StringComparison.Ordinal) is var space and >= 0 ? space : rest.Length;
        var asI = $"I {FirstPerson(rest[..verbEnd])}{rest[verbEnd..]}";
        return Matches(entry, asI) ? asI : sentence;
    }

    /// <summary>The verb as "I" says it: <c>is</c> is <c>am</c>, <c>has</c> <c>have</c>, <c>invokes</c> <c>invoke</c>.</summary>
    private static string FirstPerson(string verb) => verb switch
    {
        "is" => "am",
        "has" => "have",
        "are" => "am",
        _ when verb.EndsWith("ches", StringComparison.Ordinal) || verb.EndsWith("shes", StringComparison.Ordinal)
               || verb.EndsWith("sses", StringComparison.Ordinal) || verb.EndsWith("xes", StringComparison.Ordinal) => verb[..^2],
        _ when verb.EndsWith('s') && !verb.EndsWith("ss", StringComparison.Ordinal) => verb[..^1],
        _ => verb,
    };

    private bool Matches(CatalogEntry entry, string sentence) =>
        _bindings.GetStepDefinitions().Any(b => b.IsValid && b.SourceExpression == entry.Expression && b.Regex.IsMatch(sentence));

    private static List<(string Kind, string Text, int Index)> Same(IReadOnlyList<(string Kind, string Text, int Index)> values, string kind) =>
        values.Where(v => v.Kind == kind).ToList();

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
        return shorter.AsSpan(Math.Min(tail, shorter.Length)).SequenceEqual(longer.AsSpan(Math.Min(start + 1, longer.Length)));
    }

    private static bool Swapped(string a, string b)
    {
        var first = 0;
        while (first < a.Length && a[first] == b[first]) first++;
        return first + 1 < a.Length && a[first] == b[first + 1] && a[first + 1] == b[first]
               && a.AsSpan(first + 2).SequenceEqual(b.AsSpan(first + 2));
    }
}
