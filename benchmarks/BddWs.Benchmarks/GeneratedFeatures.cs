using System.Text;

namespace BddWs.Benchmarks;

/// <summary>
/// The features the suite benchmarks run, written into the benchmark suite's folder: the seed's
/// scenario many times over (<c>@scale</c>), and twenty features of five scenarios each
/// (<c>@parallel</c>). The list of files is fixed, so only the first write needs a build; the
/// number of scenarios in <c>scale.feature</c> changes freely, as the suite reads it as it starts.
/// </summary>
public static class GeneratedFeatures
{
    public const int ParallelFeatures = 20;
    public const int ScenariosPerParallelFeature = 5;

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
            default:
                throw new ArgumentException($"Unknown kind of generated features \"{kind}\": scale or parallel.");
        }
    }

    /// <summary>The seed's scenario: connect, send two, receive both, close.</summary>
    private static string Scale(int scenarios)
    {
        var text = new StringBuilder("@scale\nFeature: Scale\n");
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
