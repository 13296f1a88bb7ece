using System.Reflection;
using System.Text.Json;
using BddWs.Bridge.Sharding;
using Io.Cucumber.Messages.Types;
using Reqnroll.Formatters.PayloadProcessing;

namespace BddWs.Cli.Merging;

/// <summary>
/// One input of <c>bddws merge</c>, read once through: a report folder (its <c>messages.ndjson</c>) or a
/// messages file, the <see cref="ShardFile"/> beside it when it is a shard, and what the merge must know
/// before writing: the run's start and end, its features, and how many of each feature's scenarios finished.
/// </summary>
public sealed class MergeInput
{
    public const string MessagesFileName = "messages.ndjson";

    private static readonly PropertyInfo[] Kinds = typeof(Envelope).GetProperties();

    private readonly Dictionary<string, (int Scenarios, int Finished)> _scenarios = [];

    private MergeInput(string shownAs, string messagesFile, ShardFile? shard)
    {
        ShownAs = shownAs;
        MessagesFile = messagesFile;
        Shard = shard;
    }

    /// <summary>The input as the command line named it.</summary>
    public string ShownAs { get; }

    public string MessagesFile { get; }

    /// <summary>The folder of the messages file, where the catalog and the conversation files are.</summary>
    public string Folder => Path.GetDirectoryName(MessagesFile) ?? ".";

    /// <summary>Null for a whole run of its own.</summary>
    public ShardFile? Shard { get; }

    public TestRunStarted? Started { get; private set; }

    public TestRunFinished? Finished { get; private set; }

    /// <summary>The last line was cut off mid-message (the run was stopped while writing it): it is left out.</summary>
    public bool CutOff { get; private set; }

    /// <summary>The feature files of the run, in the order they came.</summary>
    public List<string> Features { get; } = [];

    public int Messages { get; private set; }

    /// <summary>The input named for a reader: "shard 2 of 4 (reports-2)", or the path of a whole run.</summary>
    public string Name => Shard is { } shard ? $"{shard.Name.ToLowerInvariant()} ({ShownAs})" : ShownAs;

    /// <summary>How many scenarios of <paramref name="uri"/> the run has (its pickles), and how many of them finished.</summary>
    public (int Scenarios, int Finished) ScenariosOf(string uri) => _scenarios.GetValueOrDefault(uri);

    public static MergeInput Read(string argument)
    {
        var messagesFile = Directory.Exists(argument) ? Path.Combine(argument, MessagesFileName) : argument;
        var shard = ShardBeside(messagesFile, argument);
        if (!File.Exists(messagesFile))
        {
            // A shard that got no feature runs nothing and writes no messages; its shard.json says so.
            if (shard is { Finished: true, Features.Count: 0 })
            {
                return new MergeInput(argument, Path.GetFullPath(messagesFile), shard);
            }

            throw new MergeRefusedException(Directory.Exists(argument)
                ? $"{argument} holds no {MessagesFileName}: give a shard's report folder or its messages file."
                : $"{argument} does not exist.");
        }

        var input = new MergeInput(argument, Path.GetFullPath(messagesFile), shard);
        input.Scan();
        return input;
    }

    /// <summary>The shard file beside <paramref name="messagesFile"/>, null when there is none (a whole run).</summary>
    private static ShardFile? ShardBeside(string messagesFile, string shownAs)
    {
        var path = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(messagesFile)) ?? ".", ShardFile.FileName);
        if (!File.Exists(path))
        {
            return null;
        }

        ShardFile? shard;
        try
        {
            shard = ShardFile.Read(path);
        }
        catch (JsonException)
        {
            shard = null;
        }

        return shard is { Of: >= 1, Shard: >= 1 } && shard.Shard <= shard.Of
            ? shard
            : throw new MergeRefusedException($"The {ShardFile.FileName} beside {shownAs} does not say which shard it is, as in {{\"shard\":2,\"of\":4,…}}.");
    }

    /// <summary>Each message of the input as JSON, in order, without a cut-off last line.</summary>
    public IEnumerable<string> Lines()
    {
        if (Messages == 0)
        {
            yield break;
        }

        var count = 0;
        foreach (var line in File.ReadLines(MessagesFile))
        {
            if (line.Length == 0)
            {
                continue;
            }

            if (++count > Messages)
            {
                yield break;
            }

            yield return line;
        }
    }

    /// <summary>The message on one line, null when the line is not a Cucumber message.</summary>
    public static Envelope? Parse(string line)
    {
        try
        {
            var message = NdjsonSerializer.Deserialize(line);
            return message is not null && Kinds.Any(kind => kind.GetValue(message) is not null) ? message : null;
        }
        catch (System.Exception failure) when (failure is JsonException or NotSupportedException or ArgumentException)
        {
            return null;
        }
    }

    private void Scan()
    {
        var uriOfPickle = new Dictionary<string, string>();
        var pickleOfCase = new Dictionary<string, string>();
        var pickleOfRun = new Dictionary<string, string>();
        var finishedPickles = new HashSet<string>();
        var number = 0;
        string? unreadable = null;
        foreach (var line in File.ReadLines(MessagesFile))
        {
            number++;
            if (line.Length == 0)
            {
                continue;
            }

            if (unreadable is not null)
            {
                throw NotMessages(unreadable);
            }

            if (Parse(line) is not { } message)
            {
                // Only the last line may be cut off, by a run that was stopped while it wrote.
                unreadable = $"line {number} is not a Cucumber message";
                continue;
            }

            Messages++;
            switch (message)
            {
                case { TestRunStarted: { } started }:
                    Started ??= started;
                    break;
                case { TestRunFinished: { } finished }:
                    Finished = finished;
                    break;
                case { GherkinDocument: { } document }:
                    Features.Add(document.Uri);
                    break;
                case { Pickle: { } pickle }:
                    uriOfPickle[pickle.Id] = pickle.Uri;
                    var (scenarios, done) = _scenarios.GetValueOrDefault(pickle.Uri);
                    _scenarios[pickle.Uri] = (scenarios + 1, done);
                    break;
                case { TestCase: { } testCase }:
                    pickleOfCase[testCase.Id] = testCase.PickleId;
                    break;
                case { TestCaseStarted: { } caseStarted } when pickleOfCase.TryGetValue(caseStarted.TestCaseId, out var pickleId):
                    pickleOfRun[caseStarted.Id] = pickleId;
                    break;
                case { TestCaseFinished: { WillBeRetried: false } caseFinished }
                    when pickleOfRun.TryGetValue(caseFinished.TestCaseStartedId, out var pickleId)
                         && finishedPickles.Add(pickleId) && uriOfPickle.TryGetValue(pickleId, out var uri):
                    var (all, finishedBefore) = _scenarios[uri];
                    _scenarios[uri] = (all, finishedBefore + 1);
                    break;
            }
        }

        if (unreadable is not null && (Messages == 0 || Finished is not null))
        {
            throw NotMessages(unreadable);
        }

        CutOff = unreadable is not null;
        if (Messages == 0 && Shard is null)
        {
            throw new MergeRefusedException($"{ShownAs} holds no messages: it is not a Cucumber messages file.");
        }
    }

    private MergeRefusedException NotMessages(string why) => new($"{ShownAs} is not a Cucumber messages file: {why}.");
}
