using BddWs.Driver.Json;
using BddWs.Driver.Values;

namespace BddWs.Driver.Http;

/// <summary>
/// The value a step remembers from the last answer: its status, a header, or the text at a JSON
/// path of its body. Where there is none, <see cref="NothingToRememberException"/> says why.
/// </summary>
public static class ResponseValue
{
    public static string Status(HttpExchange? last, string name) => Reply(last, name).Status.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The header's values joined by ", " (any case of its name).</summary>
    public static string Header(HttpExchange? last, string header, string name)
    {
        var reply = Reply(last, name);
        return reply.Header(header)
               ?? throw new NothingToRememberException(name, $"the response to {last!.Request} has no header \"{header}\"; it had: {reply.HeaderNames}.");
    }

    /// <summary>The value at <paramref name="path"/> in the body (<see cref="JsonText"/>).</summary>
    public static string At(HttpExchange? last, string path, string name)
    {
        var jsonPath = JsonPath.Parse(path);
        var reply = Reply(last, name);
        if (!reply.TryJson(out var document))
        {
            throw new NothingToRememberException(name, $"the response to {last!.Request} is not JSON: {Body(reply)}.");
        }

        return jsonPath.TryFind(document, out var value)
            ? JsonText.Of(value)
            : throw new NothingToRememberException(name, $"the response to {last!.Request} has no {jsonPath}: {Body(reply)}.");
    }

    private static HttpReply Reply(HttpExchange? last, string name) => last switch
    {
        null => throw new NothingToRememberException(name, $"no HTTP request has been sent in this scenario."),
        { Reply: { } reply } => reply,
        _ => throw new NothingToRememberException(name, $"{last.Request} got no answer ({last.Failure})."),
    };

    private static string Body(HttpReply reply) => reply.Body.Length == 0 ? "its body is empty" : HttpShown.Body(reply);
}
