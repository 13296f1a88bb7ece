using System.Text;

namespace BddWs.Benchmarks;

/// <summary>
/// The features the suite benchmarks run, written into the benchmark suite's folder: the seed's
/// scenario many times over (<c>@scale</c>), twenty features of five scenarios each
/// (<c>@parallel</c>), and the seed's scenario spread over a hundred features for shards to share
/// (<c>@shards</c>). The list of files is fixed, so only the first write needs a build; the
/// number of scenarios in a file changes freely, as the suite reads it as it starts.
/// </summary>
public static class GeneratedFeatures
{
    public const int ParallelFeatures = 20;
    public const int ScenariosPerParallelFeature = 5;
    public const int ShardedFeatures = 100;

    public static void Write(string folder, string kind, int scenarios)
    {
        var features = Directory.CreateDirectory(Path.Combine(folder, "features"));
        switch (kind)
        {
            case "scale":
                File.WriteAllText(Path.Combine(features.FullName, "scale.feature"), Scale(scenarios));
                break;
            case "parallel":
                for (var feature = 1; feature <= ParallelFeatures; feature++)
                {
                    File.WriteAllText(Path.Combine(features.FullName, $"parallel{feature:00}.feature"), Parallel(feature));
                }

                break;
            case "shards":
                // Features of different lengths (a tenth of them twice as long), as a real suite's are, so a split has work to do.
                var weights = Enumerable.Range(1, ShardedFeatures).Select(f => f % 10 == 0 ? 2 : 1).ToArray();
                int total = weights.Sum(), before = 0, written = 0;
                for (var feature = 1; feature <= ShardedFeatures; feature++)
                {
                    before += weights[feature - 1];
                    var share = scenarios * before / total - written;
                    written += share;
                    File.WriteAllText(Path.Combine(features.FullName, $"shards{feature:000}.feature"), Seed("shards", $"Shards {feature:000}", share));
                }

                break;
            default:
                throw new ArgumentException($"Unknown kind of generated features \"{kind}\": scale, parallel or shards.");
        }
    }

    /// <summary>The seed's scenario: connect, send two, receive both, close.</summary>
    private static string Scale(int scenarios) => Seed("scale", "Scale", scenarios);

    private static string Seed(string tag, string feature, int scenarios)
    {
        var text = new StringBuilder($"@{tag}\nFeature: {feature}\n");
        for (var i = 1; i <= scenarios; i++)
        {
            text.Append($"""

                  Scenario: Seed scenario {i}
                    Given I am connected to the echo server
                    When I send "Hello, WebSocket!"
                    And I send "How are you?"
                    Then I receive a message containing "Hello, WebSocket!"
                    And I receive a message containing "How are you?"
                    When I close the connection

                """);
        }

        return text.ToString();
    }

    private static string Parallel(int feature)
    {
        var text = new StringBuilder($"@parallel\nFeature: Parallel {feature:00}\n");
        for (var i = 1; i <= ScenariosPerParallelFeature; i++)
        {
            text.Append($"""

                  Scenario: Scenario {i}
                    Given I am connected to the echo server
                    When I send "{feature:00}-{i}"
                    Then I receive the message "Message text was: {feature:00}-{i}"

                """);
        }

        return text.ToString();
    }
}
