using BddWs.Driver;
using BddWs.Driver.Json;
using BddWs.StepDefinitions.Assertions;
using Reqnroll;

namespace BddWs.StepDefinitions;

/// <summary>
/// Messages that do not matter here: heartbeats and unrelated events ignored for a whole
/// connection, skipped on the way to the message that matters, and nothing more after a reply.
/// Ignored and skipped messages stay in the report; ignored ones are marked so.
/// </summary>
[Binding]
public sealed class NoiseSteps(ScenarioConnections connections, SuiteSettings settings)
{
    /// <summary>
    /// From now on, JSON messages with this value at this path are left out of counts, positions,
    /// order, "next" and "no further message" on this connection; they still show in the report, marked as ignored.
    /// </summary>
    /// <example>Given I ignore messages where "$.type" is "heartbeat"</example>
    [StepDefinition("{who} ignore(s) messages where {string} is {string}")]
    public void IgnoreWhere(ConnectionName who, string path, string value) =>
        connections[who].Ignored.Add(MessageCheck.Json([JsonExpectation.Parse(path, value)]));

    /// <summary>
    /// From now on, messages matching the regular expression are left out of counts, positions, order,
    /// "next" and "no further message" on this connection; they still show in the report, marked as ignored.
    /// </summary>
    /// <example>Given "Bob" ignores messages matching "^ping \d+$"</example>
    [StepDefinition("{who} ignore(s) messages matching {string}")]
    public void IgnoreMatching(ConnectionName who, string pattern) => connections[who].Ignored.Add(MessageCheck.Matching(pattern));

    /// <summary>
    /// Nothing arrives for the given time after the last word of the conversation before the step: the
    /// last message received or sent on this connection (a hub invocation too), whichever came later,
    /// or the opening if there is neither. Ignored messages do not count.
    /// </summary>
    /// <example>Then I receive no further message within 200 ms</example>
    /// <waits>the whole time given: it passes only if nothing more arrived in it</waits>
    [Then("{who} receive(s) no further message within {duration}")]
    public Task NoFurtherMessage(ConnectionName who, Duration within) => connections[who].ShouldReceiveNothingFurtherAsync(within);

    /// <summary>
    /// Among the messages not yet taken by a "next" step, one is JSON with this value at this path;
    /// those before it that differ are skipped (and stay in the report). It and those before it are taken.
    /// </summary>
    /// <example>Then the next message where "$.type" is "sum" arrives</example>
    [Then("the next message where {string} is {string} arrives{within}")]
    public Task NextWhere(string path, string value, Within within = default) => NextToWhere(ConnectionName.Default, path, value, within);

    /// <summary>Among the messages to a named connection not yet taken by a "next" step, one is JSON with this value at this path; others before it are skipped.</summary>
    /// <example>Then the next message to "Bob" where "$.text" is "hi" arrives</example>
    [Then("the next message to {who} where {string} is {string} arrives{within}")]
    public Task NextToWhere(ConnectionName who, string path, string value, Within within = default) =>
        connections[who].ShouldReceiveNextMatchingAsync(MessageCheck.Json([JsonExpectation.Parse(path, value)]), within.Or(settings.Timeout));

    /// <summary>Among the messages not yet taken by a "next" step, one matches the regular expression; others before it are skipped.</summary>
    /// <example>Then the next message matching "^Message text was: B" arrives</example>
    [Then("the next message matching {string} arrives{within}")]
    public Task NextMatching(string pattern, Within within = default) => NextToMatching(ConnectionName.Default, pattern, within);

    /// <summary>Among the messages to a named connection not yet taken by a "next" step, one matches the regular expression; others before it are skipped.</summary>
    /// <example>Then the next message to "Bob" matching "^hi" arrives</example>
    [Then("the next message to {who} matching {string} arrives{within}")]
    public Task NextToMatching(ConnectionName who, string pattern, Within within = default) =>
        connections[who].ShouldReceiveNextMatchingAsync(MessageCheck.Matching(pattern), within.Or(settings.Timeout));
}
