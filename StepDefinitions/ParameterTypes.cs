using System.Globalization;
using System.Net.WebSockets;
using Reqnroll;

namespace BddWs.Specs.StepDefinitions;

/// <summary>Words a product owner writes that stand for values: <c>first</c>, <c>NormalClosure</c>.</summary>
[Binding]
public sealed class ParameterTypes
{
    private static readonly string[] Ordinals = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"];

    /// <summary><c>first</c> … <c>tenth</c>, or <c>1st</c>, <c>2nd</c>, <c>11th</c>: a position counted from 1.</summary>
    [StepArgumentTransformation(@"(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th))", Name = "ordinal")]
    public int Ordinal(string word)
    {
        var index = Array.IndexOf(Ordinals, word);
        return index >= 0 ? index + 1 : int.Parse(word[..^2], CultureInfo.InvariantCulture);
    }

    /// <summary>A close status as a number (<c>1000</c>) or a name (<c>NormalClosure</c>).</summary>
    [StepArgumentTransformation(@"(\d{4}|[A-Za-z]+)", Name = "close-status")]
    public WebSocketCloseStatus CloseStatus(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var code)
            ? (WebSocketCloseStatus)code
            : Enum.TryParse<WebSocketCloseStatus>(text, ignoreCase: true, out var named) && !int.TryParse(text, out _)
                ? named
                : throw new ArgumentException(
                    $"\"{text}\" is not a close status; use a number such as 1000 or a name such as " +
                    string.Join(", ", Enum.GetNames<WebSocketCloseStatus>()) + ".");
}
