using System.Net;
using System.Net.WebSockets;
using Websocket.Client;

namespace BddWs.Driver;

/// <summary>
/// One WebSocket connection of a scenario, in a strict test profile: no automatic reconnection
/// (it would hide a server's close), a failed connect throws at once with the reason, a send on
/// a connection that is not open throws. Every lifecycle event is recorded in <see cref="Log"/>
/// from before the handshake, so nothing the server says early is missed.
/// </summary>
public sealed class WebSocketSession : IAsyncDisposable
{
    /// <summary>RFC 6455 status 1006: the connection dropped without a closing handshake. Never sent on the wire.</summary>
    public const WebSocketCloseStatus AbnormalClosure = (WebSocketCloseStatus)1006;

    private readonly WebsocketClient _client;
    private readonly Uri _requestedUrl;
    private readonly ConnectionOptions _options;
    private readonly List<IDisposable> _subscriptions = [];
    private ClientWebSocket? _socket;
    private HttpMessageInvoker? _invoker;
    private WireTap? _tap;
    private Exception? _connectFailure;
    private int _nextPosition = 1;

    public WebSocketSession(string name, Uri url, ConnectionOptions options)
    {
        Name = name;
        _requestedUrl = url;
        Url = options.Apply(url);
        _options = options;
        _client = new WebsocketClient(Url, logger: null, connectionFactory: OpenSocketAsync)
        {
            IsReconnectionEnabled = false,
            ReconnectTimeout = null,
            ErrorReconnectTimeout = null,
            // The library's own deadline (5 s by default) must not cut ours short.
            ConnectTimeout = options.ConnectTimeout + TimeSpan.FromSeconds(1),
            Name = name,
        };
        if (options.Dialect is { } dialect)
        {
            // The dialect's plumbing is no sentence's business: left out as an ignore rule would leave it out.
            Ignored.AddPlumbing(new MessageCheck($"of the protocol's own (not {dialect.RecordNoun}s a scenario speaks of)", dialect.IsPlumbing));
        }

        _subscriptions.Add(_client.MessageReceived.Subscribe(OnMessage));
        _subscriptions.Add(_client.DisconnectionHappened.Subscribe(OnDisconnection));
    }

    /// <summary>The name steps use for this connection; empty for the scenario's default one.</summary>
    public string Name { get; }

    public Uri Url { get; }

    /// <summary>The named instance of the service the connection was opened on; null for the server under test.</summary>
    public string? Instance => _options.Instance;

    /// <summary>
    /// Who the connection is, as the report's lines begin: <c>Bob</c>, <c>Bob@b</c> on the instance "b",
    /// <c>@b</c> for the unnamed connection on "b", and nothing for the unnamed one on the server under test.
    /// </summary>
    public string Shown => Name + ServiceInstances.Mark(Instance);

    /// <summary>The URL as messages and the report show it, secrets masked.</summary>
    public string DisplayUrl => Secrets.Url(Url);

    /// <summary>The headers the handshake sent, as they may be shown: secret values masked.</summary>
    public IReadOnlyDictionary<string, string> DisplayHeaders =>
        _options.Headers.ToDictionary(h => h.Key, h => Secrets.Header(h.Key, h.Value), StringComparer.OrdinalIgnoreCase);

    public EventLog Log { get; } = new();

    /// <summary>
    /// How many times the connection under this name was opened again with the options it was first
    /// opened with: 0 for a first connection. Each one has its own record: counts and "next" start over.
    /// </summary>
    public int Reconnections { get; private init; }

    /// <summary>
    /// A new connection, not yet opened, asking for what this one asked for (the same URL, headers, query
    /// and subprotocols) and ignoring what this one ignores: the noise of a server does not change when a client comes back.
    /// <paramref name="asking"/> replaces the options where they must be worked out anew (a hub's negotiated connection id);
    /// the dialect it names leaves its plumbing out, as for any new session.
    /// </summary>
    public WebSocketSession Renewed(ConnectionOptions? asking = null)
    {
        var renewed = new WebSocketSession(Name, _requestedUrl, asking ?? _options) { Reconnections = Reconnections + 1 };
        foreach (var check in Ignored.Checks)
        {
            renewed.Ignored.Add(check);
        }

        return renewed;
    }

    /// <summary>The received messages this connection leaves out of counts, positions, order and "next".</summary>
    public IgnoreRule Ignored { get; } = new();

    /// <summary>The server's answer to the handshake, once one has been attempted.</summary>
    public Handshake? Handshake { get; private set; }

    /// <summary>
    /// "The message that matched": the message that met the last expectation met by one message ("a
    /// message containing …", "the next message where …", "the next message"), chosen among the messages
    /// the connection does not ignore, as every expectation is.
    /// </summary>
    public WebSocketMessage? LastMatched { get; private set; }

    /// <summary>
    /// "The last message": the last message received so far that the connection does not ignore, that
    /// is neither its dialect's plumbing (a hub's handshake answer and pings) nor left out by an ignore
    /// rule; null when none has come.
    /// </summary>
    public WebSocketMessage? LastMessage => Ignored.Visible(Log.Snapshot()).LastReceived();

    public WebSocketState State => _socket?.State ?? WebSocketState.None;

    public bool IsOpen => State == WebSocketState.Open;

    /// <summary>
    /// Raised on the receiving thread after each received message (each dialect record) is recorded: for a
    /// dialect's connection that must answer the server by itself, as a hub connection answers the hub's questions.
    /// </summary>
    public event Action<WebSocketMessage>? Received;

    /// <summary>
    /// The protocol spoken over this connection (<see cref="ConnectionOptions.Dialect"/>): each recorded
    /// message is then one of its records. Null for plain WebSocket messages.
    /// </summary>
    public Dialects.IDialect? Dialect => _options.Dialect;

    /// <summary>Opens the connection, or throws <see cref="ConnectionFailedException"/> saying why not.</summary>
    public async Task ConnectAsync()
    {
        try
        {
            await _client.StartOrFail();
        }
        catch (Exception ex)
        {
            throw new ConnectionFailedException(ConnectionFailure.Analyse(Url, _connectFailure ?? ex, Handshake, _options.ConnectTimeout, _tap));
        }
    }

    public async Task SendAsync(WebSocketMessage message)
    {
        if (!IsOpen)
        {
            throw new InvalidOperationException(
                $"Cannot send {Format.Message(message)}: the connection to {DisplayUrl} is {Format.State(State)}.");
        }

        // On a dialect's connection every message is the dialect's, and a text sent is one record, framed on the wire.
        var record = Dialect is { } dialect ? message.In(dialect) : message;
        Log.Add(new MessageEvent(Log.Now, MessageDirection.Sent, record));
        var sending = message.IsText ? _client.SendInstant(record.Dialect?.Frame(message.Text) ?? message.Text) : _client.SendInstant(message.Bytes);
        if (sending.IsCompleted)
        {
            // Most sends are done before they return: nothing to watch, nor to word.
            await sending;
            return;
        }

        await Deadline.WithinAsync(sending, _options.StepTimeout, Drop,
            () => $"Sending {Format.Message(message)} did not finish within {Format.Duration(_options.StepTimeout)}: the server stopped reading.");
    }

    /// <summary>
    /// Waits until <paramref name="expectation"/> is decided, the connection has closed, or
    /// <paramref name="timeout"/> has passed, whichever comes first.
    /// </summary>
    public async Task<WaitOutcome> WaitForAsync(Expectation expectation, TimeSpan timeout)
    {
        expectation = Ignored.Apply(expectation);
        var seen = await Log.WaitUntilAsync(
            events => expectation.Judge(events) != Verdict.Pending || events.CloseEvent() is not null, timeout);
        // No ping after the client's own close frame: the close event will decide.
        seen = await RoundTrip.SettleAsync(Log, IsOpen ? _tap : null, expectation, seen, timeout);
        var verdict = expectation.FinalVerdict(seen.Events);
        if (verdict == Verdict.Met && expectation.Matched(seen.Events) is { } matched)
        {
            LastMatched = matched;
        }

        return new WaitOutcome(expectation, verdict, timeout, seen.Waited, seen.Events, Name, State) { Reconnected = Reconnections > 0, Instance = Instance };
    }

    /// <summary>
    /// Waits for the next message not yet taken by an earlier call, and takes it when it
    /// passes <paramref name="check"/>: successive calls walk through the messages in order.
    /// </summary>
    public async Task<WaitOutcome> WaitForNextAsync(MessageCheck check, TimeSpan timeout)
    {
        var outcome = await WaitForAsync(Expect.MessageAt(_nextPosition, check, $"the next message (message {_nextPosition})"), timeout);
        if (outcome.Verdict == Verdict.Met)
        {
            _nextPosition++;
        }

        return outcome;
    }

    /// <summary>
    /// Waits for a message passing <paramref name="check"/> among those not yet taken by a "next"
    /// step, skipping the others (they stay in the record), and takes it and those before it.
    /// </summary>
    public async Task<WaitOutcome> WaitForNextMatchingAsync(MessageCheck check, TimeSpan timeout)
    {
        var from = _nextPosition;
        var outcome = await WaitForAsync(Expect.MessageFrom(from, check), timeout);
        if (outcome.Verdict == Verdict.Met)
        {
            var messages = Ignored.Visible(outcome.Events).ReceivedMessages();
            _nextPosition = Enumerable.Range(from, messages.Count - from + 1).First(p => check.Matches(messages[p - 1])) + 1;
        }

        return outcome;
    }

    /// <summary>
    /// How many messages not ignored have arrived so far, and the last word of the conversation before
    /// now: the last of those messages or the last message sent (a protocol's plumbing aside), whichever
    /// came later, or the opening when there is neither. <c>Since</c> names it as a failure tells it.
    /// </summary>
    public (int Count, TimeSpan At, string Since) ReceivedSoFar()
    {
        var events = Log.Snapshot();
        var received = Ignored.Visible(events).ReceivedEventList();
        var sent = events.OfType<MessageEvent>().LastOrDefault(e => e.Direction == MessageDirection.Sent && !Ignored.IsPlumbing(e.Message));
        var lastReceived = received.Count > 0 ? received[^1] : null;
        return (sent, lastReceived) switch
        {
            ({ } s, var r) when r is null || s.At > r.At =>
                (received.Count, s.At, $"the last message sent, {s.Message.Dialect?.Shown(s.Message, MessageDirection.Sent) ?? Format.Message(s.Message)}"),
            (_, { } r) => (received.Count, r.At, $"message {received.Count} (the last received)"),
            _ => (0, events.OpenedAt() ?? TimeSpan.Zero, "the opening"),
        };
    }

    /// <summary>
    /// Runs the closing handshake; the <see cref="Closed"/> event is recorded when it ends. A server
    /// that does not answer within the step timeout has its connection dropped, and this throws.
    /// </summary>
    public async Task CloseAsync(WebSocketCloseStatus status = WebSocketCloseStatus.NormalClosure, string reason = "")
    {
        if (!IsOpen)
        {
            throw new InvalidOperationException($"Cannot close: the connection to {DisplayUrl} is {Format.State(State)}.");
        }

        await Deadline.WithinAsync(_client.Stop(status, reason), _options.StepTimeout, Drop,
            $"The server did not answer the close frame within {Format.Duration(_options.StepTimeout)}; the connection was dropped.");
    }

    /// <summary>Ends the connection at once, recording why, when the server no longer plays its part.</summary>
    private void Drop(string why)
    {
        Log.AddUnlessClosed(new ErrorEvent(Log.Now, why), new Closed(Log.Now, ClosedBy.Failure, AbnormalClosure, why));
        _socket?.Abort();
    }

    public async ValueTask DisposeAsync()
    {
        if (IsOpen)
        {
            // A graceful goodbye, but never waiting long on a server that does not answer.
            using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            try
            {
                await _client.Stop(WebSocketCloseStatus.NormalClosure, "scenario finished").WaitAsync(deadline.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
            {
                _socket?.Abort();
            }
        }

        foreach (var subscription in _subscriptions)
        {
            subscription.Dispose();
        }

        _client.Dispose();
        _socket?.Dispose();
        _invoker?.Dispose();
    }

    private async Task<WebSocket> OpenSocketAsync(Uri url, CancellationToken cancellation)
    {
        var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        foreach (var (header, value) in _options.Headers)
        {
            socket.Options.SetRequestHeader(header, value);
        }

        foreach (var subProtocol in _options.SubProtocols)
        {
            socket.Options.AddSubProtocol(subProtocol);
        }

        _socket = socket;
        _invoker = WireConnector.Create(_options, tap => _tap = tap);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        timeout.CancelAfter(_options.ConnectTimeout);
        try
        {
            await socket.ConnectAsync(url, _invoker, timeout.Token);
        }
        catch (Exception ex)
        {
            // Our own deadline ends the handshake with an exception that does not always say so.
            _connectFailure = timeout.IsCancellationRequested && !cancellation.IsCancellationRequested
                ? new TimeoutException("The handshake timed out.", ex)
                : ex;
            RecordHandshake(socket);
            Log.Add(new ErrorEvent(Log.Now, ConnectionFailure.Analyse(Url, _connectFailure, Handshake, _options.ConnectTimeout, _tap).Description));
            throw;
        }

        RecordHandshake(socket);
        Log.Add(new Opened(Log.Now, socket.SubProtocol));
        return socket;
    }

    private void RecordHandshake(ClientWebSocket socket)
    {
        var status = socket.HttpStatusCode == 0 ? (HttpStatusCode?)null : socket.HttpStatusCode;
        var headers = (socket.HttpResponseHeaders ?? new Dictionary<string, IEnumerable<string>>())
            .ToDictionary(h => h.Key, h => (IReadOnlyList<string>)h.Value.ToList(), StringComparer.OrdinalIgnoreCase);
        Handshake = new Handshake(status, headers, socket.SubProtocol);
    }

    // Internal for the benchmark that weighs a dialect's record against a plain message, without a network.
    internal void OnMessage(ResponseMessage message)
    {
        if (Dialect is { } dialect && message.MessageType == WebSocketMessageType.Text)
        {
            var at = Log.Now;
            var records = dialect.Split(message.Text ?? "");
            for (var i = 0; i < records.Count; i++)
            {
                var record = WebSocketMessage.FromText(records[i], dialect);
                Log.Add(new MessageEvent(at, MessageDirection.Received, record) { ContinuesFrame = i > 0 });
                Received?.Invoke(record);
            }

            return;
        }

        var received = message.MessageType == WebSocketMessageType.Binary
            ? WebSocketMessage.FromBytes(message.Binary ?? [])
            : WebSocketMessage.FromText(message.Text ?? "");
        // A binary frame on a dialect's connection is the dialect's too (a Socket.IO attachment), shown in its words.
        received = Dialect is { } binaryDialect ? received.In(binaryDialect) : received;
        Log.Add(new MessageEvent(Log.Now, MessageDirection.Received, received));
        Received?.Invoke(received);
    }

    private void OnDisconnection(DisconnectionInfo info)
    {
        // The library can report one ending twice (our close, then the server's answer to it):
        // AddUnlessClosed keeps the first.
        switch (info.Type)
        {
            case DisconnectionType.ByServer:
                Log.AddUnlessClosed(WireEnding.ServerClose(Log.Now, _tap, info.CloseStatus, info.CloseStatusDescription));
                break;
            case DisconnectionType.ByUser:
                // What came back on the wire, not what the client asked for.
                Log.AddUnlessClosed([.. WireEnding.ClientClose(Log.Now, _tap)]);
                break;
            case DisconnectionType.Error when _connectFailure is not null:
                // Already recorded, with the reason, when the handshake failed.
                break;
            default:
                var failure = WireEnding.FailureReason(_tap, info.Exception);
                var closed = new Closed(Log.Now, ClosedBy.Failure, info.CloseStatus ?? AbnormalClosure, failure);
                Log.AddUnlessClosed(failure is null ? [closed] : [new ErrorEvent(Log.Now, failure), closed]);
                break;
        }
    }
}
