using System.Globalization;
using System.Text.Json.Nodes;

namespace BddWs.Driver.Hubs;

/// <summary>
/// A SignalR hub connection spoken in the JSON hub protocol over a recorded
/// <see cref="WebSocketSession"/>: each record sent or received is one message of its record, so
/// every expectation, count and report line of a plain connection applies to hub records. The
/// session speaks <see cref="HubDialect"/>, so it leaves the handshake answer and pings out as the
/// protocol's plumbing (as <c>Given I ignore messages …</c> would, but without saying so in failures). Invocation ids are
/// the client's, counted from 1 per connection. A question of the hub (an invocation that carries
/// the hub's own invocation id: a client result) is answered at once, with the answer the scenario
/// gave for that method (<see cref="HubAnswers"/>) or, when it gave none, with the error official
/// clients send (<see cref="HubAnswer.NoneGiven"/>), so the hub never waits on a question. Nothing
/// reconnects it on its own.
/// </summary>
public sealed class HubConnection : IDisposable
{
    /// <summary>
    /// How long the client may send nothing before it sends a ping record. A hub drops a client silent
    /// for its client timeout (SignalR's default: 30 s; the bundled server's: 60 s); Microsoft's clients
    /// ping every 15 s, and so does this one, but only when it has sent nothing else for that long, so a
    /// scenario's own traffic is never interleaved with pings it did not cause.
    /// </summary>
    public static readonly TimeSpan KeepAliveInterval = TimeSpan.FromSeconds(15);

    private const string HandshakeRequest = """{"protocol":"json","version":1}""";
    private const string Ping = """{"type":6}""";

    private readonly Timer _keepAlive;
    private readonly TimeSpan _keepAliveInterval;
    private int _lastId;

    public HubConnection(WebSocketSession session, HubAnswers? answers = null)
        : this(session, KeepAliveInterval, answers)
    {
    }

    /// <summary>With another keep-alive interval: for tests, which cannot wait 15 s.</summary>
    internal HubConnection(WebSocketSession session, TimeSpan keepAliveInterval, HubAnswers? answers = null)
    {
        Session = session;
        Answers = answers ?? new HubAnswers();
        _keepAliveInterval = keepAliveInterval;
        _keepAlive = new Timer(_ => _ = PingIfSilentAsync(), null, keepAliveInterval, keepAliveInterval);
        session.Received += AnswerIfAsked;
    }

    public WebSocketSession Session { get; }

    /// <summary>What this connection answers to the hub's questions.</summary>
    public HubAnswers Answers { get; }

    /// <summary>
    /// Sends the hub handshake and waits for the answer: <c>{}</c> opens the hub connection; an error,
    /// a close or no answer within <paramref name="within"/> throws, saying which.
    /// </summary>
    /// <exception cref="ConnectionFailedException">The hub did not accept the handshake.</exception>
    public async Task HandshakeAsync(TimeSpan within)
    {
        await Session.SendAsync(WebSocketMessage.FromText(HandshakeRequest));
        var seen = await Session.Log.WaitUntilAsync(events => events.ReceivedMessages().Count > 0 || events.CloseEvent() is not null, within);
        var answer = seen.Events.ReceivedMessages().FirstOrDefault();
        var reason = answer is null
            ? seen.Events.CloseEvent() is { } close
                ? $"the server closed the connection ({Format.Close(close.Status, close.Reason)}) before answering the hub handshake"
                : $"no answer to the hub handshake within {Format.Duration(within)}"
            : !HubRecord.TryRead(answer, out var record) || !record.IsHandshake
                ? $"the server answered the hub handshake with {Format.Message(answer)}, which is not a handshake answer"
                : record.Error is { } error
                    ? $"the hub refused the handshake: {error}"
                    : null;
        if (reason is not null)
        {
            throw new ConnectionFailedException(new ConnectionAttempt(Session.Url, ConnectionOutcome.Failed, null, $"Could not connect to the hub {Session.DisplayUrl}: {reason}") { Reason = reason });
        }
    }

    /// <summary>Calls a hub method and expects its completion: <c>{"type":1,"invocationId":"1",…}</c>.</summary>
    public async Task<HubInvocation> InvokeAsync(HubCall call)
    {
        Json.JsonPlaceholder.RefuseIn(call.Arguments, $"The call {call}");
        var id = NextId();
        await SendAsync(Invocation(HubRecordType.Invocation, id, call));
        return new HubInvocation(Session.Name, id, call, IsStream: false) { Instance = Session.Instance };
    }

    /// <summary>Calls a hub method that streams to the client (type 4): items, then a completion.</summary>
    public async Task<HubInvocation> StreamAsync(HubCall call)
    {
        Json.JsonPlaceholder.RefuseIn(call.Arguments, $"The call {call}");
        var id = NextId();
        await SendAsync(Invocation(HubRecordType.StreamInvocation, id, call));
        return new HubInvocation(Session.Name, id, call, IsStream: true) { Instance = Session.Instance };
    }

    /// <summary>
    /// Calls a hub method that takes a stream from the client (<c>Sum</c>): the invocation names a
    /// stream id, the values follow as its items, and a completion of the stream ends it.
    /// </summary>
    public async Task<HubInvocation> StreamToAsync(string target, JsonArray values)
    {
        Json.JsonPlaceholder.RefuseIn(values, $"The stream to {target}");
        var id = NextId();
        var streamId = NextId();
        var invocation = Invocation(HubRecordType.Invocation, id, new HubCall(target, []));
        invocation["streamIds"] = new JsonArray(streamId);
        await SendAsync(invocation);
        foreach (var value in values)
        {
            await SendAsync(new JsonObject { ["type"] = (int)HubRecordType.StreamItem, ["invocationId"] = streamId, ["item"] = value?.DeepClone() });
        }

        await SendAsync(new JsonObject { ["type"] = (int)HubRecordType.Completion, ["invocationId"] = streamId });
        return new HubInvocation(Session.Name, id, new HubCall(target, []), IsStream: false) { Instance = Session.Instance };
    }

    /// <summary>Asks the hub to stop a stream it is sending (type 5).</summary>
    public Task CancelAsync(HubInvocation stream) =>
        SendAsync(new JsonObject { ["type"] = (int)HubRecordType.CancelInvocation, ["invocationId"] = stream.Id });

    /// <summary>Stops the keep-alive pings and the answers.</summary>
    public void Dispose()
    {
        Session.Received -= AnswerIfAsked;
        _keepAlive.Dispose();
    }

    private void AnswerIfAsked(WebSocketMessage message)
    {
        if (HubRecord.TryRead(message, out var record) && record.Type == HubRecordType.Invocation && record.InvocationId is { } question)
        {
            _ = AnswerAsync(Answers.For(record.Target).Completion(question));
        }
    }

    private async Task AnswerAsync(JsonObject completion)
    {
        try
        {
            await SendAsync(completion);
        }
        catch (Exception ex) when (ex is InvalidOperationException or DeadlineExceededException or System.Net.WebSockets.WebSocketException)
        {
            // The connection closed before the answer could go: the record tells it.
        }
    }

    private async Task PingIfSilentAsync()
    {
        // Nothing sent yet means the handshake is still to go: no ping may come before it.
        if (!Session.IsOpen || Session.Log.Snapshot().LastSentAt() is not { } lastSent || Session.Log.Now - lastSent < _keepAliveInterval)
        {
            return;
        }

        try
        {
            await Session.SendAsync(WebSocketMessage.FromText(Ping));
        }
        catch (Exception ex) when (ex is InvalidOperationException or DeadlineExceededException or System.Net.WebSockets.WebSocketException)
        {
            // The connection closed meanwhile, or the server stopped reading: the record tells it.
        }
    }

    private string NextId() => Interlocked.Increment(ref _lastId).ToString(CultureInfo.InvariantCulture);

    private static JsonObject Invocation(HubRecordType type, string id, HubCall call) => new()
    {
        ["type"] = (int)type,
        ["invocationId"] = id,
        ["target"] = call.Target,
        ["arguments"] = call.ArgumentsCopy(),
    };

    private Task SendAsync(JsonObject record) => Session.SendAsync(WebSocketMessage.FromText(record.ToJsonString()));
}
