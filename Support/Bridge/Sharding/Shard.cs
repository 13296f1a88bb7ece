using System.Globalization;

namespace BddWs.Bridge.Sharding;

/// <summary>One share of a suite split for a CI's parallel jobs: shard <see cref="Index"/> of <see cref="Count"/>, counted from 1.</summary>
public readonly record struct Shard(int Index, int Count)
{
    /// <summary>Which shard this run is: <c>BDDWS_SHARD=2/4</c>. Without it, the run is the whole suite.</summary>
    public const string Variable = "BDDWS_SHARD";

    /// <summary><c>2/4</c>, as the variable writes it.</summary>
    public override string ToString() => $"{Index}/{Count}";

    /// <summary>Reads <c>i/n</c>; anything else is refused with the one line a CI log shows.</summary>
    public static Shard Parse(string text)
    {
        var parts = text.Trim().Split('/');
        if (parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            && index >= 1 && index <= count)
        {
            return new Shard(index, count);
        }

        throw new ShardSettingException($"{Variable} must be i/n with 1 ≤ i ≤ n, such as 2/4, but it is \"{text}\".");
    }
}
