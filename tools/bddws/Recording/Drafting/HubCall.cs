using System.Text.Json.Nodes;

namespace BddWs.Cli.Recording.Drafting;

/// <summary>A <c>{hub-call}</c>: the method and its arguments, each a JSON value, <c>SendMessage("Bob", "hi")</c>.</summary>
internal static class HubCall
{
    public static string Write(string target, JsonArray arguments) =>
        $"{target}({string.Join(", ", arguments.Select(a => GherkinText.Written(DraftJson.Compact(a))))})";
}
