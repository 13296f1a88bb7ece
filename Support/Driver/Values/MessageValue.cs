using BddWs.Driver.Json;

namespace BddWs.Driver.Values;

/// <summary>The value a step remembers from a received message: the text at a JSON path of it.</summary>
public static class MessageValue
{
    /// <summary>
    /// The value at <paramref name="path"/> in <paramref name="message"/> (<see cref="JsonText"/>);
    /// <paramref name="which"/> names the message in a failure (<c>the last message</c>), and
    /// <paramref name="whenNone"/> says why there is none (<c>no message has arrived</c>).
    /// </summary>
    public static string At(WebSocketMessage? message, string path, string name, string which, string whenNone)
    {
        var jsonPath = JsonPath.Parse(path);
        if (message is null)
        {
            throw new NothingToRememberException(name, $"{whenNone}.");
        }

        if (!ParsedMessages.TryGet(message, out var document))
        {
            throw new NothingToRememberException(name, $"{which} is not JSON: {Format.Message(message)}.");
        }

        return jsonPath.TryFind(document, out var value)
            ? JsonText.Of(value)
            : throw new NothingToRememberException(name, $"{which} has no {jsonPath}: {Format.Message(message)}.");
    }
}
