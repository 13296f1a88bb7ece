using System.Globalization;
using BddWs.Driver;
using BddWs.Driver.Values;
using BddWs.StepDefinitions.Assertions;
using Reqnroll;

namespace BddWs.StepDefinitions;

/// <summary>
/// Remembered values compared with each other: a connection id that changed after a reconnect, a time
/// that came after another, or close to it. Write the values as <c>${name}</c>; none of these waits.
/// Times are read as ISO 8601 (<c>2026-11-26T20:30:00.123Z</c>, as "I remember the current time" writes them).
/// </summary>
[Binding]
public sealed class ComparingSteps(ScenarioValues values)
{
    /// <summary>The two texts differ (after their <c>${…}</c> are put in): a value that must have changed.</summary>
    /// <example>Then "${secondConnectionId}" differs from "${firstConnectionId}"</example>
    [Then("{string} differs from {string}")]
    public void Differs(string actual, string other) =>
        Verify.That(actual != other, () => values.Mask($"Expected {Format.Quoted(actual)} to differ from {Format.Quoted(other)}, but they are the same."));

    /// <summary>The first time is later than the second (both ISO 8601, time zones taken into account).</summary>
    /// <example>Then the time "${closedAt}" is later than "${openedAt}"</example>
    [Then("the time {string} is later than {string}")]
    public void Later(string time, string other)
    {
        var (first, second) = (TimeOf(time), TimeOf(other));
        Verify.That(first > second, () => values.Mask(
            $"Expected the time {time} to be later than {other}, but it is {(first == second ? "the same time" : $"{Format.Duration(second - first)} earlier")}."));
    }

    /// <summary>The first time is no more than the given time before or after the second (both ISO 8601).</summary>
    /// <example>Then the time "${createdAt}" is within 5s of "${sentAt}"</example>
    [Then("the time {string} is within {duration} of {string}")]
    public void Within(string time, Duration within, string other) => Near(time, within, TimeOf(other), other);

    /// <summary>The time is no more than the given time before or after the moment the step runs (ISO 8601).</summary>
    /// <example>Then the time "${createdAt}" is within 30s of now</example>
    [Then("the time {string} is within {duration} of now")]
    public void WithinOfNow(string time, Duration within) => Near(time, within, DateTimeOffset.UtcNow, "now");

    private void Near(string time, TimeSpan within, DateTimeOffset reference, string referenceShown)
    {
        var apart = TimeOf(time) - reference;
        Verify.That(apart.Duration() <= within, () => values.Mask(
            $"Expected the time {time} to be within {Format.Duration(within)} of {referenceShown}, " +
            $"but it is {Format.Duration(apart.Duration())} {(apart < TimeSpan.Zero ? "before" : "after")} it."));
    }

    private DateTimeOffset TimeOf(string text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            ? time
            : throw new FormatException(values.Mask($"{Format.Quoted(text)} is not a time: write it as ISO 8601, like 2026-11-26T20:30:00.123Z."));
}
