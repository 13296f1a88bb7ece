using BddWs.Driver.Json;

namespace BddWs.Driver;

/// <summary>The message a step sends for the content of a file: what kind it is follows from the file's name.</summary>
public static class FileMessage
{
    /// <summary>
    /// A text message of <paramref name="content"/>; a <c>.json</c> file is checked and sent compact,
    /// and invalid JSON throws, naming the file and where it breaks.
    /// </summary>
    public static WebSocketMessage Text(string name, string content) =>
        WebSocketMessage.FromText(name.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
            ? JsonBuilder.Compact(content, $"The JSON in \"{name}\"")
            : content);
}
