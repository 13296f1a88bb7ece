using System.Text.RegularExpressions;
using Io.Cucumber.Messages.Types;

namespace BddWs.ReqnrollPlugin.Reporting.LivingDoc;

/// <summary>
/// Keeps the suite's own machinery out of the pages a product owner reads. Cucumber's report lists
/// every hook of the run under "Hooks" (BeforeAll, AfterAll …) and folds each scenario's hooks
/// behind a "1 hooks" button: words that mean nothing to the reader. A hook that passed and said
/// nothing is left out; what a passed hook of a scenario said (the conversation of closing its
/// connections) moves to the scenario's last step that ran, or its first step if none ran yet, so
/// nothing told is lost. A hook that failed stays, named in words from its method:
/// "Before the run: start server", "After: close connections".
/// Messages go through <see cref="Pass"/> in the order they come; one scenario's messages may
/// interleave with another's.
/// </summary>
public sealed partial class QuietHooks
{
    private readonly HashSet<string> _hookSteps = [];
    private readonly Dictionary<string, string> _firstStepOfCase = [];
    private readonly Dictionary<string, string> _caseOfRun = [];
    private readonly Dictionary<string, string> _lastStepRan = [];
    private readonly Dictionary<(string Run, string Step), List<Envelope>> _heldSteps = [];
    private readonly Dictionary<string, RunHook> _runHooks = [];

    /// <summary>The messages to keep now in place of <paramref name="message"/>: none, it, or what was held back with it.</summary>
    public IReadOnlyList<Envelope> Pass(Envelope message)
    {
        switch (message)
        {
            case { Hook: { } hook }:
                return [Envelope.Create(Named(hook))];
            case { TestCase: { } testCase }:
                foreach (var step in testCase.TestSteps)
                {
                    if (!string.IsNullOrEmpty(step.HookId))
                    {
                        _hookSteps.Add(step.Id);
                    }
                    else if (!_firstStepOfCase.ContainsKey(testCase.Id))
                    {
                        _firstStepOfCase[testCase.Id] = step.Id;
                    }
                }

                return [message];
            case { TestCaseStarted: { } started }:
                _caseOfRun[started.Id] = started.TestCaseId;
                return [message];
            case { TestStepStarted: { } stepStarted } when _hookSteps.Contains(stepStarted.TestStepId):
                _heldSteps[(stepStarted.TestCaseStartedId, stepStarted.TestStepId)] = [message];
                return [];
            case { Attachment: { } attachment } when _heldSteps.TryGetValue((attachment.TestCaseStartedId ?? "", attachment.TestStepId ?? ""), out var held):
                held.Add(message);
                return [];
            case { TestStepFinished: { } finished }:
                return StepFinished(message, finished);
            case { TestCaseFinished: { } caseFinished }:
                _lastStepRan.Remove(caseFinished.TestCaseStartedId);
                _caseOfRun.Remove(caseFinished.TestCaseStartedId);
                return [message];
            // Reqnroll starts a feature's hooks under one id for every feature: each end is decided on its own.
            case { TestRunHookStarted: { } hookStarted }:
                _runHooks.TryAdd(hookStarted.Id, new RunHook(message));
                return [];
            case { Attachment: { TestRunHookStartedId: { Length: > 0 } hookRun } } when _runHooks.TryGetValue(hookRun, out var runHook):
                runHook.Told.Add(message);
                return [];
            case { TestRunHookFinished: { } hookFinished } when _runHooks.TryGetValue(hookFinished.TestRunHookStartedId, out var runHook):
                return runHook.Finished(message, hookFinished.Result.Status == TestStepResultStatus.PASSED);
            default:
                return [message];
        }
    }

    private IReadOnlyList<Envelope> StepFinished(Envelope message, TestStepFinished finished)
    {
        var run = finished.TestCaseStartedId;
        if (!_heldSteps.Remove((run, finished.TestStepId), out var held))
        {
            if (finished.TestStepResult.Status != TestStepResultStatus.SKIPPED)
            {
                _lastStepRan[run] = finished.TestStepId;
            }

            return [message];
        }

        var quiet = finished.TestStepResult.Status is TestStepResultStatus.PASSED or TestStepResultStatus.SKIPPED;
        var stepOfTold = _lastStepRan.GetValueOrDefault(run)
                         ?? (_caseOfRun.TryGetValue(run, out var testCase) ? _firstStepOfCase.GetValueOrDefault(testCase) : null);
        if (!quiet || stepOfTold is null)
        {
            return [.. held, message];
        }

        return held.Skip(1).Select(told => Envelope.Create(MovedTo(told.Attachment, stepOfTold))).ToList();
    }

    /// <summary>A hook of the run, its start held back until an end that failed or said something needs it.</summary>
    private sealed class RunHook(Envelope started)
    {
        private bool _shown;

        public List<Envelope> Told { get; } = [];

        public IReadOnlyList<Envelope> Finished(Envelope finished, bool passed)
        {
            if (passed && Told.Count == 0)
            {
                return [];
            }

            List<Envelope> kept = [.. _shown ? [] : new[] { started }, .. Told, finished];
            _shown = true;
            Told.Clear();
            return kept;
        }
    }

    private static Attachment MovedTo(Attachment a, string testStepId) =>
        new(a.Body, a.ContentEncoding, a.FileName, a.MediaType, a.Source, a.TestCaseStartedId, testStepId, a.Url,
            a.TestRunStartedId, a.TestRunHookStartedId, a.Timestamp);

    /// <summary>A hook named by its method in words, as the report titles it: the run's hooks whole, a scenario's after "Before: ".</summary>
    public static Hook Named(Hook hook)
    {
        if (!string.IsNullOrEmpty(hook.Name))
        {
            return hook;
        }

        var method = hook.SourceReference?.JavaMethod?.MethodName;
        var words = string.IsNullOrEmpty(method) ? "" : WordStart().Replace(method, " $1").Trim().ToLowerInvariant();
        var name = hook.Type switch
        {
            HookType.BEFORE_TEST_RUN => words.Length == 0 ? "Before the run" : $"Before the run: {words}",
            HookType.AFTER_TEST_RUN => words.Length == 0 ? "After the run" : $"After the run: {words}",
            _ => words,
        };
        return new Hook(hook.Id, name.Length == 0 ? null : name, hook.SourceReference, hook.TagExpression, hook.Type);
    }

    [GeneratedRegex(@"(?<=[a-z0-9])([A-Z])")]
    private static partial Regex WordStart();
}
