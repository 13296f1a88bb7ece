using BddWs.Driver;
using BddWs.Driver.Hubs;
using BddWs.StepDefinitions.Assertions;
using Reqnroll;

namespace BddWs.StepDefinitions;

/// <summary>
/// SignalR hubs, questions: a hub may call a client method and wait for the client's answer (a client
/// result, <c>Clients.Caller.InvokeAsync&lt;bool&gt;("ConfirmOrder", …)</c>). A connection answers every
/// question at once: with the answer the scenario gave for that method, or, when it gave none, with the
/// error Microsoft's clients send for a method they do not handle, <c>Client didn't provide a result.</c>
/// An unanswered question is no failure of its own: the hub hears what a real client would say, never
/// waits, and the report shows the question and the answer (<c>← question GetName("hello") #1</c>,
/// <c>→ answer #1: "ada"</c>); what the hub does with it is for the sentences that follow to judge.
/// </summary>
[Binding]
public sealed class HubQuestionSteps(ScenarioHubs hubs, ScenarioConnections connections, SuiteSettings settings)
{
    /// <summary>
    /// From now on the connection answers the hub's questions to this client method (named as it is, with or
    /// without double quotes), whatever their arguments,
    /// with this result (a JSON value: text in double quotes) or with an error (<c>the error "…"</c>), the
    /// moment each question comes. Given before the question, even before the connection opens; it holds
    /// after a reconnect, and a later answer for the same method replaces it. The questions'
    /// arguments are in the report; "was asked" judges them.
    /// </summary>
    /// <example>Given "Bob" answers the hub's ConfirmOrder with true</example>
    /// <example>Given I answer the hub's GetName with the error "no name today"</example>
    [Given("{who} answer(s) the hub's {word} with {hub-answer}")]
    public void Answers(ConnectionName who, string method, HubAnswer answer) => hubs.AnswersOf(who).Give(method.Trim('"'), answer);

    /// <summary>
    /// The hub asked the connection this question: it called this client method with exactly these arguments
    /// (numbers compare as numbers) and waited for an answer, at some point so far. A call that waits for no answer is not a question (and fails this sentence); "receives …"
    /// accepts both.
    /// </summary>
    /// <example>Then "Bob" was asked ConfirmOrder(42)</example>
    [Then("{who} was asked {hub-call}{within}")]
    public Task WasAsked(ConnectionName who, HubCall call, Within within = default) =>
        connections[who].ShouldMeetAsync(HubExpect.Question(call.ToString(), call.IsMadeBy), within.Or(settings.Timeout));
}
