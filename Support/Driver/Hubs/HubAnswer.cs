using System.Text.Json.Nodes;

namespace BddWs.Driver.Hubs;

/// <summary>
/// What a connection answers when the hub asks it a question (a SignalR client result: an
/// invocation of a client method that carries an invocation id): a result, or an error.
/// </summary>
public sealed record HubAnswer(JsonNode? Result, string? Error)
{
    /// <summary>
    /// The answer to a question nobody gave an answer for: the error Microsoft's JavaScript and Java
    /// clients send for a client method they have no handler for, so the hub hears what it would hear
    /// from a real client and does not wait for an answer that never comes.
    /// </summary>
    public static readonly HubAnswer NoneGiven = new(null, "Client didn't provide a result.");

    /// <summary>Answers with this result, a JSON value (<c>null</c> is a result too).</summary>
    public static HubAnswer With(JsonNode? result) => new(result, null);

    /// <summary>Answers with an error: the hub's call throws with this text.</summary>
    public static HubAnswer Failing(string error) => new(null, error);

    /// <summary>
    /// Reads an answer as a sentence writes it: a JSON value (<c>true</c>, <c>"ada"</c>, <c>{"ok":true}</c>),
    /// or <c>the error "…"</c>.
    /// </summary>
    public static HubAnswer Parse(string text)
    {
        const string errorWord = "the error ";
        var trimmed = text.Trim();
        if (trimmed.StartsWith(errorWord, StringComparison.Ordinal))
        {
            return Json(trimmed[errorWord.Length..]) is (true, JsonValue error) && error.GetValueKind() == System.Text.Json.JsonValueKind.String
                ? Failing(error.GetValue<string>())
                : throw new FormatException($"{trimmed} is not an error to answer with; write the error's text in double quotes, as in the error \"out of stock\".");
        }

        return Json(trimmed) is (true, var value)
            ? With(value)
            : throw new FormatException($"{trimmed} is not an answer; write a JSON value (text in double quotes, as in \"ada\"), or the error \"…\".");
    }

    /// <summary>The completion record that gives this answer to question <paramref name="invocationId"/>.</summary>
    public JsonObject Completion(string invocationId) => Error is { } error
        ? new JsonObject { ["type"] = (int)HubRecordType.Completion, ["invocationId"] = invocationId, ["error"] = error }
        : new JsonObject { ["type"] = (int)HubRecordType.Completion, ["invocationId"] = invocationId, ["result"] = Result?.DeepClone() };

    /// <summary><c>true</c>, <c>the error "out of stock"</c>: as a sentence writes it.</summary>
    public override string ToString() => Error is { } error ? $"the error {Format.Quoted(error)}" : Format.Value(Result);

    private static (bool Ok, JsonNode? Value) Json(string text)
    {
        try
        {
            return (true, JsonNode.Parse(text));
        }
        catch (System.Text.Json.JsonException)
        {
            return (false, null);
        }
    }
}
