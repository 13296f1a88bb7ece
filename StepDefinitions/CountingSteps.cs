using BddWs.Driver;
using BddWs.Driver.Json;
using BddWs.StepDefinitions.Assertions;
using Reqnroll;

namespace BddWs.StepDefinitions;

/// <summary>
/// Counts and order by content: how many messages have a value, and how a JSON value runs
/// across the messages that have it. Like "exactly N messages", these are decided after a round
/// trip to the server, so a message still on its way is counted.
/// </summary>
[Binding]
public sealed class CountingSteps(ScenarioConnections connections, SuiteSettings settings)
{
    /// <summary>
    /// Exactly this many messages so far are JSON with this value at this path (others aside);
    /// fails at once if more arrive, and passes only after a round trip brought no more.
    /// </summary>
    /// <example>Then I receive exactly 3 messages where "$.type" is "tick"</example>
    [Then("{who} receive(s) exactly {int} message(s) where {string} is {string}{within}")]
    public Task ExactCountWhere(ConnectionName who, int count, string path, string value, Within within = default) =>
        connections[who].ShouldMeetAsync(Expect.MessageCount(count, MessageCheck.Json([JsonExpectation.Parse(path, value)])), within.Or(settings.Timeout));

    /// <summary>
    /// Exactly this many messages so far match the regular expression (others aside); fails at once if
    /// more arrive, and passes only after a round trip brought no more.
    /// </summary>
    /// <example>Then I receive exactly 2 messages matching "^Message text was: "</example>
    [Then("{who} receive(s) exactly {int} message(s) matching {string}{within}")]
    public Task ExactCountMatching(ConnectionName who, int count, string pattern, Within within = default) =>
        connections[who].ShouldMeetAsync(Expect.MessageCount(count, MessageCheck.Matching(pattern)), within.Or(settings.Timeout));

    /// <summary>
    /// Across the messages that have this JSON path, its values are the whole numbers from one to the
    /// other, one by one and in order (up or down), no more and no fewer; a failure names the first break.
    /// </summary>
    /// <example>Then I receive messages where "$.seq" runs from 1 to 1000</example>
    [Then("{who} receive(s) messages where {string} runs from {int} to {int}{within}")]
    public Task RunsFrom(ConnectionName who, string path, int from, int to, Within within = default) =>
        connections[who].ShouldMeetAsync(new JsonSequence(JsonPath.Parse(path)).RunsFrom(from, to), within.Or(settings.Timeout));

    /// <summary>
    /// Across the messages that have this JSON path (at least two), each value is a number greater than
    /// the one before; a failure names the first that is not.
    /// </summary>
    /// <example>Then I receive messages where "$.seq" rises</example>
    [Then("{who} receive(s) messages where {string} rises{within}")]
    public Task Rises(ConnectionName who, string path, Within within = default) =>
        connections[who].ShouldMeetAsync(new JsonSequence(JsonPath.Parse(path)).Rises(), within.Or(settings.Timeout));
}
