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

    /// <summary>An HTTP method, in capitals: <c>GET</c>, <c>POST</c>, <c>PUT</c>, <c>PATCH</c>, <c>DELETE</c>.</summary>
    [StepArgumentTransformation(@"(GET|POST|PUT|PATCH|DELETE)", Name = "http-method")]
    public HttpMethod HttpMethod(string text) => new(text);

    /// <summary>A length of time: <c>500 ms</c>, <c>2 s</c>, <c>1.5 seconds</c>.</summary>
    [StepArgumentTransformation(@"(\d+ ?ms|\d+ ?milliseconds|\d+ ?millisecond|\d+ ?s|\d+ ?seconds|\d+ ?second|\d+\.\d+ ?s|\d+\.\d+ ?seconds)", Name = "duration")]
    public Duration Duration(string text)
    {
        var number = new string(text.TakeWhile(c => char.IsDigit(c) || c == '.').ToArray());
        var amount = double.Parse(number, CultureInfo.InvariantCulture);
        var unit = text[number.Length..].Trim();
        return new(unit == "ms" || unit.StartsWith("milli", StringComparison.Ordinal)
            ? TimeSpan.FromMilliseconds(amount)
            : TimeSpan.FromSeconds(amount));
    }
}
