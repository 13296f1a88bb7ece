using Io.Cucumber.Messages.Types;

namespace BddWs.ReqnrollPlugin.Reporting.LivingDoc;

/// <summary>
/// Sorts a run's Cucumber messages, as they come, into the pages of the living documentation: each
/// scenario's messages to the one page that shows its feature (or its part of a long feature),
/// the run's own messages (environment, step definitions, hooks, the run's start and end) to every
/// page. Keeps on the way what the summary page needs: each scenario's outcome. The messages
/// themselves wait in a <see cref="MessageSpool"/>, not in memory. The suite's hooks are kept
/// out of sight unless they failed (<see cref="QuietHooks"/>).
/// </summary>
public sealed class LivingDocument(int scenariosPerPage) : IDisposable
{
    /// <summary>
    /// Cucumber's report takes longer than linearly in the scenarios it holds: measured on a busy
    /// 2-core machine, 100 open in 1.1-2.1 s, 300 in 1.8-5 s, 1,000 in 8-12 s (docs/benchmarks.md).
    /// </summary>
    public const int DefaultScenariosPerPage = 100;

    private readonly MessageSpool _spool = new();
    private readonly QuietHooks _quietHooks = new();
    private readonly List<Envelope> _runMessages = [];
    private readonly List<FeaturePart> _parts = [];
    private readonly List<ScenarioOutcome> _outcomes = [];
    private readonly Dictionary<string, FeaturePart> _partOfScenario = [];
    private readonly Dictionary<string, (FeaturePart Part, string Name)> _pickles = [];
    private readonly Dictionary<string, string> _pickleOfTestCase = [];
    private readonly Dictionary<string, ScenarioOutcome> _outcomeOfRun = [];
    private readonly Dictionary<string, string> _stepTexts = [];
    private readonly Dictionary<string, string> _testStepTexts = [];
    private readonly HashSet<string> _fileNames = [];
    private readonly Dictionary<string, Hook> _hooks = [];
    private readonly Dictionary<string, string> _hookOfRun = [];
    private readonly List<RunHookFailure> _runHookFailures = [];

    public LivingDocument() : this(DefaultScenariosPerPage)
    {
    }

    public IReadOnlyList<FeaturePart> Parts => _parts;

    /// <summary>Every scenario run, in the order the runs started.</summary>
    public IReadOnlyList<ScenarioOutcome> Outcomes => _outcomes;

    public TestRunStarted? Started { get; private set; }

    public TestRunFinished? Finished { get; private set; }

    /// <summary>The hooks of the run (BeforeTestRun, AfterTestRun) that failed, named in words, in the order they ran.</summary>
    public IReadOnlyList<RunHookFailure> RunHookFailures => _runHookFailures;

    /// <summary>The messages every page carries before its scenarios' (the run's end goes after them).</summary>
    public IReadOnlyList<Envelope> RunMessages => _runMessages;

    public void Add(Envelope message)
    {
        foreach (var kept in _quietHooks.Pass(message))
        {
            Keep(kept);
        }
    }

    private void Keep(Envelope message)
    {
        if (message.GherkinDocument is { } document)
        {
            // Each page gets its part of the feature instead; a file that did not parse has no feature to show.
            if (document.Feature is not null)
            {
                AddFeature(document);
            }

            return;
        }

        RecordRunHook(message);
        var part = PartOf(message);
        if (part is not null)
        {
            part.Messages.Add(_spool.Append(AsPageShowsIt(message)));
        }
        else if (message.TestRunFinished is { } finished)
        {
            Finished = finished;
        }
        else if (message.Source is null)
        {
            // A feature's source text is not shown by the report; each page carries its feature's description instead.
            Started ??= message.TestRunStarted;
            _runMessages.Add(message);
        }
    }

    /// <summary>
    /// A step's output as the page must carry it: Cucumber's report draws it as HTML, so its text is
    /// made HTML here (<see cref="WholeMessages.PageHtml"/>), and a shortened message's whole text folds.
    /// </summary>
    private static Envelope AsPageShowsIt(Envelope message) =>
        message.Attachment is { MediaType: LogMediaType, ContentEncoding: AttachmentContentEncoding.IDENTITY } a
            ? Envelope.Create(new Attachment(WholeMessages.PageHtml(a.Body), a.ContentEncoding, a.FileName, a.MediaType, a.Source,
                a.TestCaseStartedId, a.TestStepId, a.Url, a.TestRunStartedId, a.TestRunHookStartedId, a.Timestamp))
            : message;

    private const string LogMediaType = "text/x.cucumber.log+plain";

    /// <summary>A message of a page, as JSON.</summary>
    public string Read(SpooledMessage message) => _spool.Read(message);

    private void RecordRunHook(Envelope message)
    {
        switch (message)
        {
            case { Hook: { } hook }:
                _hooks[hook.Id] = hook;
                break;
            case { TestRunHookStarted: { } started }:
                _hookOfRun[started.Id] = started.HookId;
                break;
            case { TestRunHookFinished: { Result.Status: TestStepResultStatus.FAILED } finished }
                when _hookOfRun.TryGetValue(finished.TestRunHookStartedId, out var hookId) && _hooks.TryGetValue(hookId, out var failed):
                _runHookFailures.Add(new RunHookFailure(failed.Name ?? "", failed.Type == HookType.BEFORE_TEST_RUN,
                    finished.Result.Message ?? finished.Result.Exception?.Message));
                break;
        }
    }

    /// <summary>The page a message belongs to, remembering what later messages and the summary need; null for the run's own messages.</summary>
    private FeaturePart? PartOf(Envelope message)
    {
        switch (message)
        {
            case { Pickle: { } pickle } when _partOfScenario.TryGetValue(pickle.AstNodeIds[0], out var part):
                _pickles[pickle.Id] = (part, pickle.Name);
                pickle.Steps.ForEach(step => _stepTexts[step.Id] = step.Text);
                return part;
            case { TestCase: { } testCase } when _pickles.TryGetValue(testCase.PickleId, out var pickle):
                _pickleOfTestCase[testCase.Id] = testCase.PickleId;
                foreach (var step in testCase.TestSteps.Where(s => !string.IsNullOrEmpty(s.PickleStepId)))
                {
                    if (_stepTexts.Remove(step.PickleStepId, out var text))
                    {
                        _testStepTexts[step.Id] = text;
                    }
                }

                return pickle.Part;
            case { TestCaseStarted: { } started } when _pickleOfTestCase.TryGetValue(started.TestCaseId, out var pickleId):
                var (scenarioPart, name) = _pickles[pickleId];
                var run = new ScenarioOutcome(scenarioPart, name);
                _outcomeOfRun[started.Id] = run;
                _outcomes.Add(run);
                return scenarioPart;
            case { TestStepStarted: { } stepStarted }:
                return _outcomeOfRun.GetValueOrDefault(stepStarted.TestCaseStartedId)?.Part;
            case { TestStepFinished: { } stepFinished } when _outcomeOfRun.TryGetValue(stepFinished.TestCaseStartedId, out var outcome):
                var result = stepFinished.TestStepResult;
                // A step's text is kept until the step has run: only the summary of a scenario that did not pass needs it.
                _testStepTexts.Remove(stepFinished.TestStepId, out var stepText);
                outcome.Record(result.Status, stepText, result.Message);
                return outcome.Part;
            case { TestCaseFinished: { } finished }:
                return _outcomeOfRun.GetValueOrDefault(finished.TestCaseStartedId)?.Part;
            case { Attachment: { TestCaseStartedId: { Length: > 0 } runId } }:
                return _outcomeOfRun.GetValueOrDefault(runId)?.Part;
            default:
                return null;
        }
    }

    private void AddFeature(GherkinDocument document)
    {
        // Only the spool keeps the feature's description: at 10,000 scenarios it is 100 MB of objects.
        foreach (var (part, cut) in FeatureParts.Split(document, scenariosPerPage))
        {
            part.FileName = PageFileNames.For(part, _fileNames);
            part.Messages.Add(_spool.Append(Envelope.Create(cut)));
            foreach (var id in FeatureParts.ScenarioIds(cut))
            {
                _partOfScenario[id] = part;
            }

            _parts.Add(part);
        }
    }

    public void Dispose() => _spool.Dispose();
}
