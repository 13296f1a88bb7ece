using System.Globalization;
using System.Net.WebSockets;
using BddWs.Driver;
using Reqnroll;

namespace BddWs.StepDefinitions;

/// <summary>
/// Words a product owner writes that stand for values: <c>I</c>, <c>"Bob"</c>, <c>first</c>,
/// <c>NormalClosure</c>, <c>500 ms</c>. Reqnroll uses a pattern as the placeholder's own only
/// when it has no <c>(?</c> groups, hence the spelled-out alternatives.
/// </summary>
[Binding]
public sealed class ParameterTypes
{
    private static readonly string[] Ordinals = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"];

    /// <summary><c>I</c> for the scenario's default connection, or a quoted name: <c>"Alice"</c>.</summary>
    [StepArgumentTransformation(@"(I|""[^""]*"")", Name = "who")]
    public ConnectionName Who(string text) =>
        new(text == "I" ? ScenarioConnections.DefaultName : text.Trim('"'));

    /// <summary><c>first</c> … <c>tenth</c>, or <c>1st</c>, <c>2nd</c>, <c>11th</c>: a position counted from 1.</summary>
    [StepArgumentTransformation(@"(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+st|\d+nd|\d+rd|\d+th)", Name = "ordinal")]
    public Position Ordinal(string word)
    {
        var index = Array.IndexOf(Ordinals, word);
        var position = index >= 0 ? index + 1 : int.Parse(word[..^2], CultureInfo.InvariantCulture);
        return position >= 1
            ? new(position)
            : throw new ArgumentException($"\"{word}\" is not a position: messages are counted from the first (1st).");
    }

    /// <summary>A close status as a number (<c>1000</c>, <c>4001</c>) or a name (<c>NormalClosure</c>).</summary>
    [StepArgumentTransformation(@"(\d{4}|[A-Za-z]+)", Name = "close-status")]
    public WebSocketCloseStatus CloseStatus(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var code)
            ? (WebSocketCloseStatus)code
            : CloseStatusNames.TryParse(text, out var named)
                ? named
                : throw new ArgumentException(
                    $"\"{text}\" is not a close status; use a number (1000, or 3000-4999 for your own) or one of: {string.Join(", ", CloseStatusNames.All)}.");

    /// <summary>Two to four quoted connection names: <c>"Bob" and "Carol"</c>, <c>"Bob", "Carol" and "Dave"</c>.</summary>
    [StepArgumentTransformation(@"(""[^""]*"", ""[^""]*"", ""[^""]*"" and ""[^""]*""|""[^""]*"", ""[^""]*"" and ""[^""]*""|""[^""]*"" and ""[^""]*"")", Name = "names")]
    public ConnectionNames Names(string text)
    {
        // The pattern lets only quoted names through, so the names are every other piece between quotes.
        var names = text.Split('"').Where((_, i) => i % 2 == 1).ToList();
        var twice = names.GroupBy(n => n, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        return twice is null
            ? new(names)
            : throw new ArgumentException($"\"{twice.Key}\" is named twice in {text}; name each connection once.");
    }

    /// <summary>
    /// A size: <c>2000 bytes</c>, <c>64 KB</c> (1000 bytes each), <c>64 KiB</c> (1024), <c>1 MB</c> (1,000,000),
    /// <c>1 MiB</c> (1,048,576); at most 1 GiB.
    /// </summary>
    [StepArgumentTransformation(@"(\d+ ?bytes|\d+ ?byte|\d+ ?KB|\d+ ?KiB|\d+ ?MB|\d+ ?MiB)", Name = "size")]
    public ByteCount Size(string text)
    {
        var number = new string(text.TakeWhile(char.IsDigit).ToArray());
        var unit = text[number.Length..].Trim();
        long multiplier = unit switch
        {
            "KB" => 1000,
            "KiB" => 1024,
            "MB" => 1000 * 1000,
            "MiB" => 1024 * 1024,
            _ => 1,
        };
        const long most = 1024 * 1024 * 1024;
        return long.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var amount) && amount <= most / multiplier
            ? new((int)(amount * multiplier))
            : throw new ArgumentException($"{text} is more than a message of this suite may hold (1 GiB).");
    }
    /// <summary>An HTTP method, in capitals: <c>GET</c>, <c>POST</c>, <c>PUT</c>, <c>PATCH</c>, <c>DELETE</c>.</summary>
    [StepArgumentTransformation(@"(GET|POST|PUT|PATCH|DELETE)", Name = "http-method")]
    public HttpMethod HttpMethod(string text) => new(text);

    /// <summary>A length of time: <c>500 ms</c>, <c>2 s</c>, <c>1.5 seconds</c>.</summary>
    [StepArgumentTransformation(@"(\d+ ?ms|\d+ ?milliseconds|\d+ ?millisecond|\d+ ?s|\d+ ?seconds|\d+ ?second|\d+\.\d+ ?s|\d+\.\d+ ?seconds)", Name = "duration")]
    public Duration Duration(string text) => ReadDuration(text);

    /// <summary>
    /// Optional: nothing, or <c>within</c> and a length of time (<c>within 500 ms</c>, <c>within 2 s</c>).
    /// A sentence that shows <c>[within T]</c> waits for what it expects and passes the moment it holds:
    /// up to the suite's timeout (<c>BDDWS_TIMEOUT_MS</c>, 2 s unless set; for connecting,
    /// <c>BDDWS_CONNECT_TIMEOUT_MS</c>, 5 s), or up to the time written.
    /// </summary>
    // The empty last alternative lets the placeholder match nothing while still taking part in the
    // match, so Reqnroll passes "" for it, and the step keeps one binding with or without the words.
    [StepArgumentTransformation(@"( within \d+ ?ms| within \d+ ?milliseconds| within \d+ ?millisecond| within \d+ ?s| within \d+ ?seconds| within \d+ ?second| within \d+\.\d+ ?s| within \d+\.\d+ ?seconds|)", Name = "within")]
    public Within WithinTime(string text) => text.Length == 0 ? default : new(ReadDuration(text[" within ".Length..]).Value);

    /// <summary>
    /// Optional: nothing, or <c>on instance</c> and the quoted name of an instance of the service
    /// (<c>on instance "b"</c>). A sentence that shows <c>[on instance "b"]</c> connects to, or sends its
    /// request to, that instance (<c>BDDWS_SERVERS</c> names them, or the suite hosts them) instead of the
    /// server under test; the report marks its lines <c>Bob@b</c>.
    /// </summary>
    // The empty last alternative lets a sentence keep one binding with or without the words, as {within} does.
    [StepArgumentTransformation(@"( on instance ""[^""]*""|)", Name = "on-instance")]
    public OnInstance OnInstanceOf(string text) => text.Length == 0 ? default : new(text[" on instance \"".Length..^1]);

    private static Duration ReadDuration(string text)
    {
        var number = new string(text.TakeWhile(c => char.IsDigit(c) || c == '.').ToArray());
        var amount = double.Parse(number, CultureInfo.InvariantCulture);
        var unit = text[number.Length..].Trim();
        return new(unit == "ms" || unit.StartsWith("milli", StringComparison.Ordinal)
            ? TimeSpan.FromMilliseconds(amount)
            : TimeSpan.FromSeconds(amount));
    }
}
