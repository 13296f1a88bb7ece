using System.Text.RegularExpressions;

namespace BddWs.ReqnrollPlugin.Catalog;

/// <summary>
/// A sentence as the advisor compares it: the words that carry its meaning, each reduced to a
/// common form (<c>receives</c>, <c>received</c> and <c>got</c> are all <c>receiv</c>), and its
/// values (quoted text, numbers, hub calls such as <c>Deal(2)</c>) as placeholders of their kind,
/// so that two sentences differing only in their values read the same.
/// </summary>
public sealed partial class SentenceWords
{
    /// <summary>The placeholder a value stands as, by kind.</summary>
    public const string Quoted = "\"\"", Number = "#", Call = "()";

    // Words nearly every sentence has, or that a writer adds or leaves out freely ("Then I should get …").
    private static readonly HashSet<string> Filler =
    [
        "i", "a", "an", "the", "is", "am", "are", "be", "been", "was", "of", "to", "and", "with", "that", "this", "my", "me", "it", "its",
        "there", "should", "will", "can", "must", "do", "does", "have", "then", "now", "also", "some", "any", "t",
        // A Then sentence states what must hold; words that say so add nothing to which one is meant.
        "expect", "expects", "check", "checks", "verify", "verifies", "assert", "asserts", "ensure", "ensures", "confirm", "confirms",
    ];

    // Words a writer uses for the catalog's word: the first of each row, the catalog's own. A word
    // the catalog itself uses for something else (refused, error, event, arrives) is no synonym.
    private static readonly string[][] SynonymRows =
    [
        ["invoke", "call", "execute", "trigger"],
        ["receive", "get", "got", "gotten", "obtain"],
        ["send", "post", "emit", "publish", "push", "write", "transmit", "submit", "say"],
        ["connect", "open", "join", "login", "log", "sign"],
        ["close", "disconnect", "terminate", "end", "shut", "hang", "quit", "leave"],
        ["message", "reply", "answer", "notification"],
        ["contain", "include", "hold", "mention"],
        ["no", "not", "none", "never", "don", "doesn", "didn", "won"],
        ["return", "result"],
        ["content", "file"],
        ["remember", "store", "save", "keep", "capture", "record"],
        ["fail", "break", "crash"],
        ["match", "like", "fit", "conform", "satisfy", "comply"],
        ["equal", "same", "identical"],
        ["server", "service", "backend"],
        ["hub", "signalr"],
        ["first", "1st"], ["second", "2nd"], ["third", "3rd"],
    ];

    private static readonly Dictionary<string, string> Synonyms = SynonymRows
        .SelectMany(row => row.Select(word => (Word: Stem(word), Canonical: Stem(row[0]))))
        .DistinctBy(p => p.Word)
        .ToDictionary(p => p.Word, p => p.Canonical);

    private SentenceWords(IReadOnlyList<string> words, IReadOnlyList<(string Kind, string Text, int Index)> values)
    {
        Words = words;
        Values = values;
    }

    /// <summary>The meaningful words in their common form, values as placeholders, in the sentence's order.</summary>
    public IReadOnlyList<string> Words { get; }

    /// <summary>The values as written, with their kind and place in the sentence, in order.</summary>
    public IReadOnlyList<(string Kind, string Text, int Index)> Values { get; }

    /// <summary>Whether a word of <see cref="Words"/> stands for a value.</summary>
    public static bool IsValue(string word) => word is Quoted or Number or Call;

    public static SentenceWords Of(string sentence)
    {
        var words = new List<string>();
        var values = new List<(string, string, int)>();
        foreach (Match token in Token().Matches(sentence))
        {
            var kind = token.Groups["call"].Success ? Call
                : token.Groups["quoted"].Success ? Quoted
                : token.Groups["number"].Success ? Number
                : null;
            if (kind is not null)
            {
                values.Add((kind, token.Value, token.Index));
                words.Add(kind);
                continue;
            }

            var word = token.Value.ToLowerInvariant();
            if (!Filler.Contains(word))
            {
                var stem = Stem(word);
                words.Add(Synonyms.GetValueOrDefault(stem, stem));
            }
        }

        return new SentenceWords(words, values);
    }

    /// <summary>
    /// Plural and verb endings cut (<c>messages</c>, <c>sending</c>, <c>closed</c>) and a final
    /// <c>e</c> dropped, so every form of a word meets in one; only ever compared with another stem.
    /// </summary>
    private static string Stem(string word)
    {
        var stem = word switch
        {
            _ when word.Length > 5 && word.EndsWith("ing", StringComparison.Ordinal) => Undoubled(word[..^3]),
            _ when word.Length > 6 && word.EndsWith("ion", StringComparison.Ordinal) => word[..^3],
            _ when word.Length > 4 && word.EndsWith("ies", StringComparison.Ordinal) => word[..^3] + "y",
            _ when word.Length > 4 && word.EndsWith("ed", StringComparison.Ordinal) => Undoubled(word[..^2]),
            _ when word.Length > 4 && word.EndsWith("es", StringComparison.Ordinal) => word[..^2],
            _ when word.Length > 3 && word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal) => word[..^1],
            _ => word,
        };
        return stem.Length > 3 && stem.EndsWith('e') ? stem[..^1] : stem;
    }

    /// <summary><c>logg</c> (from <c>logged</c>) is <c>log</c>; <c>call</c> and <c>pass</c> keep their double letter.</summary>
    private static string Undoubled(string stem) =>
        stem.Length > 2 && stem[^1] == stem[^2] && stem[^1] is not ('l' or 's' or 'e' or 'o') ? stem[..^1] : stem;

    // A hub call (Deal(2), SendMessage("a", "b")), quoted text in either quotes, a number, or a word.
    [GeneratedRegex("""(?<call>\b[A-Za-z_]\w*\((?:[^()"]|"(?:[^"\\]|\\.)*")*\))|(?<quoted>"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')|(?<number>-?\d+(?:[.,]\d+)*)(?!(?:st|nd|rd|th)\b)|[\p{L}\p{N}_$]+""")]
    private static partial Regex Token();
}
