using System.Text.Json;
using System.Text.Json.Serialization;

namespace BddWs.Cli.Merging;

/// <summary>
/// <c>shard.json</c>, which a sharded run writes beside its <c>messages.ndjson</c>: which shard of
/// which split it is, the features it was given, and whether it finished (written <c>false</c> as the
/// run starts, <c>true</c> once the messages are complete).
/// </summary>
public sealed record ShardFile(
    [property: JsonPropertyName("shard")] int Shard,
    [property: JsonPropertyName("of")] int Of,
    [property: JsonPropertyName("balancedBy")] string? BalancedBy,
    [property: JsonPropertyName("features")] IReadOnlyList<string>? Features,
    [property: JsonPropertyName("scenarios")] int Scenarios,
    [property: JsonPropertyName("finished")] bool Finished)
{
    public const string FileName = "shard.json";

    /// <summary>The shard file beside <paramref name="messagesFile"/>, null when there is none (a whole run).</summary>
    public static ShardFile? Beside(string messagesFile, string shownAs)
    {
        var path = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(messagesFile)) ?? ".", FileName);
        if (!File.Exists(path))
        {
            return null;
        }

        ShardFile? shard;
        try
        {
            shard = JsonSerializer.Deserialize<ShardFile>(File.ReadAllText(path));
        }
        catch (JsonException)
        {
            shard = null;
        }

        if (shard is null || shard.Of < 1 || shard.Shard < 1 || shard.Shard > shard.Of)
        {
            throw new MergeRefusedException($"The {FileName} beside {shownAs} does not say which shard it is, as in {{\"shard\":2,\"of\":4,…}}.");
        }

        return shard;
    }

    public string Name => $"Shard {Shard} of {Of}";
}
