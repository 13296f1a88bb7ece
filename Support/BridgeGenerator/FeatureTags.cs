using System;
using System.Collections.Generic;

namespace BddWs.Bridge.Generator;

/// <summary>
/// The tags written above a feature's <c>Feature:</c> line, read without a Gherkin parser (the
/// generator runs inside the compiler, where the bridge's parser is not loaded). Tags of
/// scenarios are not the feature's and are not read.
/// </summary>
internal static class FeatureTags
{
    /// <summary>The tag that keeps a feature out of the parallel part of the run.</summary>
    public const string Serial = "serial";

    public static ISet<string> Of(string text)
    {
        var tags = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine.Trim();
            if (line.Length == 0 || line.StartsWith("#", StringComparison.Ordinal))
            {
                continue;
            }

            if (!line.StartsWith("@", StringComparison.Ordinal))
            {
                break;
            }

            foreach (var word in line.Split(new[] { ' ', '\t' }, StringSplitOptions.RemoveEmptyEntries))
            {
                if (word.StartsWith("#", StringComparison.Ordinal))
                {
                    break;
                }

                tags.Add(word.TrimStart('@'));
            }
        }

        return tags;
    }
}
