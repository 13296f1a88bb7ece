using System.Text.Json.Nodes;

namespace BddWs.Cli.Recording.Drafting;

/// <summary>A <c>{socketio-arguments}</c>: JSON values separated by commas.</summary>
internal static class SocketIoArguments
{
    public static string Write(JsonArray arguments) => string.Join(", ", arguments.Select(a => GherkinText.Written(DraftJson.Compact(a))));
}
