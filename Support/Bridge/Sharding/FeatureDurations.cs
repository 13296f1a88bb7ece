using System.Text.Json;

namespace BddWs.Bridge.Sharding;

/// <summary>
/// How long each feature took in an earlier run (<c>BDDWS_SHARD_DURATIONS</c>: its <c>messages.ndjson</c>,
/// or the report folder holding it, a shard's or a merged one): the sum of its scenarios' times from
/// testCaseStarted to testCaseFinished, by the feature's Cucumber uri. A feature that run did not have
/// weighs the run's mean time per scenario times its scenario rows.
/// </summary>
public sealed class FeatureDurations
{
    public const string Variable = "BDDWS_SHARD_DURATIONS";

    public const string MessagesFileName = "messages.ndjson";

    private readonly IReadOnlyDictionary<string, long> _nanosecondsByUri;
    private readonly long _meanPerScenario;

    public FeatureDurations(IReadOnlyDictionary<string, long> nanosecondsByUri, long meanPerScenario)
    {
        _nanosecondsByUri = nanosecondsByUri;
        _meanPerScenario = meanPerScenario;
    }

    /// <summary>The feature's weight: its time in the earlier run, in nanoseconds, or its estimate.</summary>
    public long WeightOf(SuiteFeature feature) =>
        _nanosecondsByUri.TryGetValue(feature.Uri, out var time) ? time : _meanPerScenario * feature.Scenarios;

    /// <summary>Reads an earlier run; a path that holds none is refused with one line naming it.</summary>
    public static FeatureDurations Read(string path)
    {
        var file = CurrentFolder.Full(path);
        if (Directory.Exists(file))
        {
            var inFolder = Path.Combine(file, MessagesFileName);
            if (!File.Exists(inFolder))
            {
                throw new ShardSettingException($"{Variable} names the folder \"{file}\", which holds no {MessagesFileName}.");
            }

            file = inFolder;
        }
        else if (!File.Exists(file))
        {
            throw new ShardSettingException($"{Variable} names \"{file}\", which does not exist.");
        }

        try
        {
            return FromMessages(File.ReadLines(file), file);
        }
        catch (Exception failure) when (failure is IOException or UnauthorizedAccessException)
        {
            throw new ShardSettingException($"{Variable} names \"{file}\", which cannot be read ({failure.Message.TrimEnd('.')}).");
        }
    }

    /// <summary>Reads the Cucumber messages of a run, one envelope per line; <paramref name="file"/> names them in a refusal.</summary>
    public static FeatureDurations FromMessages(IEnumerable<string> lines, string file)
    {
        var uriOfPickle = new Dictionary<string, string>(StringComparer.Ordinal);
        var pickleOfTestCase = new Dictionary<string, string>(StringComparer.Ordinal);
        var started = new Dictionary<string, (string TestCase, long At)>(StringComparer.Ordinal);
        var finished = new List<(string Started, long At)>();
        var number = 0;
        foreach (var line in lines)
        {
            number++;
            // Only four kinds of envelope matter; attachments and the rest are not parsed at all.
            if (!line.StartsWith("{\"pickle\":", StringComparison.Ordinal) && !line.StartsWith("{\"testCase", StringComparison.Ordinal))
            {
                continue;
            }

            try
            {
                using var envelope = JsonDocument.Parse(line);
                var (kind, body) = envelope.RootElement.EnumerateObject().Select(p => (p.Name, p.Value)).First();
                switch (kind)
                {
                    case "pickle":
                        uriOfPickle[Text(body, "id")] = Text(body, "uri");
                        break;
                    case "testCase":
                        pickleOfTestCase[Text(body, "id")] = Text(body, "pickleId");
                        break;
                    case "testCaseStarted":
                        started[Text(body, "id")] = (Text(body, "testCaseId"), Nanoseconds(body.GetProperty("timestamp")));
                        break;
                    case "testCaseFinished":
                        finished.Add((Text(body, "testCaseStartedId"), Nanoseconds(body.GetProperty("timestamp"))));
                        break;
                }
            }
            catch (Exception failure) when (failure is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
            {
                throw new ShardSettingException($"{Variable} names \"{file}\", which cannot be read as Cucumber messages (line {number}).");
            }
        }

        var byUri = new Dictionary<string, long>(StringComparer.Ordinal);
        var scenarios = 0L;
        foreach (var (startedId, end) in finished)
        {
            if (started.TryGetValue(startedId, out var start)
                && pickleOfTestCase.TryGetValue(start.TestCase, out var pickle)
                && uriOfPickle.TryGetValue(pickle, out var uri))
            {
                byUri[uri] = byUri.GetValueOrDefault(uri) + Math.Max(0, end - start.At);
                scenarios++;
            }
        }

        if (scenarios == 0)
        {
            throw new ShardSettingException($"{Variable} names \"{file}\", which holds no finished scenario to take durations from.");
        }

        return new FeatureDurations(byUri, byUri.Values.Sum() / scenarios);
    }

    private static string Text(JsonElement body, string name) =>
        body.GetProperty(name).GetString() ?? throw new FormatException(name);

    private static long Nanoseconds(JsonElement timestamp) =>
        timestamp.GetProperty("seconds").GetInt64() * 1_000_000_000 + timestamp.GetProperty("nanos").GetInt64();
}
