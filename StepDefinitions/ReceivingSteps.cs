using BddWs.Driver;
using BddWs.StepDefinitions.Assertions;
using Reqnroll;

namespace BddWs.StepDefinitions;

/// <summary>
/// Receiving text messages. "A message" means any message received since the connection
/// opened; each step waits up to the default timeout (or the <c>within</c> time) and returns
/// the moment it is satisfied.
/// </summary>
[Binding]
public sealed class ReceivingSteps(ScenarioConnections connections, SuiteSettings settings)
{
    /// <summary>Some message so far contains the text.</summary>
    /// <example>Then I receive a message containing "Hello"</example>
    [Then("{who} receive(s) a message containing {string}{within}")]
    public Task MessageContaining(ConnectionName who, string text, Within within = default) =>
        connections[who].ShouldMeetAsync(Expect.AnyMessage(MessageCheck.Containing(text)), within.Or(settings.Timeout));

    /// <summary>
    /// Each of these connections received a message containing the text, judged one by one as for a
    /// single connection; a failure names every connection that did not, each with what it received.
    /// </summary>
    /// <example>Then "Bob" and "Carol" receive a message containing "hi"</example>
    /// <example>Then "Bob", "Carol" and "Dave" receive a message containing "hi"</example>
    [Then("{names} receive a message containing {string}{within}")]
    public Task EachMessageContaining(ConnectionNames names, string text, Within within = default) =>
        names.In(connections).ShouldAllMeetAsync(() => Expect.AnyMessage(MessageCheck.Containing(text)), within.Or(settings.Timeout));

    /// <summary>Each of these connections received a message that is exactly this text; a failure names every connection that did not.</summary>
    /// <example>Then "Bob" and "Carol" receive the message "hi"</example>
    [Then("{names} receive the message {string}{within}")]
    public Task EachMessageEqualTo(ConnectionNames names, string text, Within within = default) =>
        names.In(connections).ShouldAllMeetAsync(() => Expect.AnyMessage(MessageCheck.EqualTo(text)), within.Or(settings.Timeout));

    /// <summary>Some message so far is exactly this text.</summary>
    /// <example>Then I receive the message "Message text was: Hello"</example>
    [Then("{who} receive(s) the message {string}{within}")]
    public Task MessageEqualTo(ConnectionName who, string text, Within within = default) =>
        connections[who].ShouldMeetAsync(Expect.AnyMessage(MessageCheck.EqualTo(text)), within.Or(settings.Timeout));

    /// <summary>Some message so far matches the regular expression (anywhere in the text; anchor with ^ and $).</summary>
    /// <example>Then I receive a message matching "^Message text was: \d+$"</example>
    [Then("{who} receive(s) a message matching {string}{within}")]
    public Task MessageMatching(ConnectionName who, string pattern, Within within = default) =>
        connections[who].ShouldMeetAsync(Expect.AnyMessage(MessageCheck.Matching(pattern)), within.Or(settings.Timeout));

    /// <summary>
    /// Exactly this many messages have arrived since the connection opened; fails at once if more arrive.
    /// It passes only after a round trip to the server (a ping and its pong) brought no more, so a
    /// message already on its way is counted; a server that never answers pings is given the whole wait.
    /// </summary>
    /// <example>Then I receive exactly 2 messages</example>
    [Then("{who} receive(s) exactly {int} message(s){within}")]
    public Task ExactCount(ConnectionName who, int count, Within within = default) =>
        connections[who].ShouldMeetAsync(Expect.MessageCount(count), within.Or(settings.Timeout));

    /// <summary>
    /// The first messages received are these, in this order: a table with the header
    /// <c>message</c> (each equal) or <c>containing</c> (each contains its row).
    /// </summary>
    /// <example>
    /// Then I receive these messages in order:
    ///   | containing |
    ///   | one        |
    ///   | two        |
    /// </example>
    [Then("{who} receive(s) these messages in order{within}:")]
    public Task InOrder(ConnectionName who, Within within, DataTable messages) =>
        connections[who].ShouldMeetAsync(Expect.InOrder(MessageTable.Checks(messages)), within.Or(settings.Timeout));

    /// <summary>No message arrives after the last one sent on this connection (or after it opened, if none was sent) for the given time.</summary>
    /// <example>Then I receive no message within 300 ms</example>
    /// <waits>the whole time given: it passes only if nothing arrived in it</waits>
    [Then("{who} receive(s) no message within {duration}")]
    public Task NoMessage(ConnectionName who, Duration within) => 
        connections[who].ShouldMeetAsync(Expect.NoMessageSinceLastSend(connections[who].Log.Snapshot()), within);

    /// <summary>The first message after the last one sent arrived no later than the given time after it: a latency check.</summary>
    /// <example>Then I receive a reply within 100 ms</example>
    /// <waits>up to the time given, which is the latency allowed</waits>
    [Then("{who} receive(s) a reply within {duration}")]
    public Task ReplyWithin(ConnectionName who, Duration latency) => connections[who].ShouldReplyWithinAsync(latency);

    /// <summary>The message at that position (first, second … 10th, counted from the first received) contains the text.</summary>
    /// <example>Then the first message contains "Hello"</example>
    [Then("the {ordinal} message contains {string}{within}")]
    public Task NthContains(Position position, string text, Within within = default) => NthToContains(position, ConnectionName.Default, text, within);

    /// <summary>The message at that position received by a named connection contains the text.</summary>
    /// <example>Then the second message to "Bob" contains "hi"</example>
    [Then("the {ordinal} message to {who} contains {string}{within}")]
    public Task NthToContains(Position position, ConnectionName who, string text, Within within = default) =>
        connections[who].ShouldMeetAsync(Expect.MessageAt(position.Value, MessageCheck.Containing(text)), within.Or(settings.Timeout));

    /// <summary>The message at that position is exactly the text.</summary>
    /// <example>Then the second message is "Message text was: How are you?"</example>
    [Then("the {ordinal} message is {string}{within}")]
    public Task NthIs(Position position, string text, Within within = default) => NthToIs(position, ConnectionName.Default, text, within);

    /// <summary>The message at that position received by a named connection is exactly the text.</summary>
    /// <example>Then the first message to "Bob" is "hi"</example>
    [Then("the {ordinal} message to {who} is {string}{within}")]
    public Task NthToIs(Position position, ConnectionName who, string text, Within within = default) =>
        connections[who].ShouldMeetAsync(Expect.MessageAt(position.Value, MessageCheck.EqualTo(text)), within.Or(settings.Timeout));

    /// <summary>
    /// The next message contains the text. "Next" walks through the messages: the first such
    /// step checks message 1, the following one message 2, and so on.
    /// </summary>
    /// <example>Then the next message contains "Hello"</example>
    [Then("the next message contains {string}{within}")]
    public Task NextContains(string text, Within within = default) => NextToContains(ConnectionName.Default, text, within);

    /// <summary>The next message to a named connection contains the text.</summary>
    /// <example>Then the next message to "Bob" contains "hi"</example>
    [Then("the next message to {who} contains {string}{within}")]
    public Task NextToContains(ConnectionName who, string text, Within within = default) =>
        connections[who].ShouldReceiveNextAsync(MessageCheck.Containing(text), within.Or(settings.Timeout));

    /// <summary>The next message is exactly the text.</summary>
    /// <example>Then the next message is "Message text was: Hello"</example>
    [Then("the next message is {string}{within}")]
    public Task NextIs(string text, Within within = default) => NextToIs(ConnectionName.Default, text, within);

    /// <summary>The next message to a named connection is exactly the text.</summary>
    /// <example>Then the next message to "Bob" is "hi"</example>
    [Then("the next message to {who} is {string}{within}")]
    public Task NextToIs(ConnectionName who, string text, Within within = default) =>
        connections[who].ShouldReceiveNextAsync(MessageCheck.EqualTo(text), within.Or(settings.Timeout));
}
