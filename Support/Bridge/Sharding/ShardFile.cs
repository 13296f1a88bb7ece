using System.Text.Json;
using System.Text.Json.Serialization;

namespace BddWs.Bridge.Sharding;

/// <summary>
/// <c>shard.json</c>, beside a sharded run's <c>messages.ndjson</c>: which shard the run was, what fell
/// to it, and whether it finished. Written with <see cref="Finished"/> false as the run starts and again
/// with true once the run has ended and its report writers have flushed, so whoever merges the shards
/// can tell a shard that did not finish from one that did.
/// </summary>
public sealed class ShardFile
{
    public const string FileName = "shard.json";

    private static readonly JsonSerializerOptions Json = new() { DefaultIgnoreCondition = JsonIgnoreCondition.Never };

    /// <summary>Which shard, counted from 1.</summary>
    [JsonPropertyName("shard")]
    public int Shard { get; init; }

    /// <summary>How many shards the suite was split into.</summary>
    [JsonPropertyName("of")]
    public int Of { get; init; }

    /// <summary><c>scenarios</c> or <c>durations</c> (of an earlier run).</summary>
    [JsonPropertyName("balancedBy")]
    public string BalancedBy { get; init; } = BalancedByScenarios;

    /// <summary>The Cucumber uris of the features of this shard, in ordinal order.</summary>
    [JsonPropertyName("features")]
    public IReadOnlyList<string> Features { get; init; } = [];

    /// <summary>The scenario rows of those features.</summary>
    [JsonPropertyName("scenarios")]
    public int Scenarios { get; init; }

    /// <summary>True once the run ended and its messages are complete.</summary>
    [JsonPropertyName("finished")]
    public bool Finished { get; init; }

    /// <summary>The shard as a reader names it: <c>Shard 2 of 4</c>.</summary>
    [JsonIgnore]
    public string Name => $"Shard {Shard} of {Of}";

    public const string BalancedByScenarios = "scenarios";

    public const string BalancedByDurations = "durations";

    /// <summary>Reads a <c>shard.json</c>; an unreadable one throws (<see cref="IOException"/>, <see cref="JsonException"/>).</summary>
    public static ShardFile Read(string path) =>
        JsonSerializer.Deserialize<ShardFile>(File.ReadAllText(path), Json) ?? throw new JsonException($"{path} holds no shard.");

    /// <summary>Writes the file whole (a new file moved into place), so a reader never sees half of it.</summary>
    public void Write(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var written = path + ".tmp";
        File.WriteAllText(written, JsonSerializer.Serialize(this, Json));
        File.Move(written, path, overwrite: true);
    }
}
