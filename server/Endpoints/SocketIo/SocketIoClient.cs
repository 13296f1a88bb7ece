using System.Net.WebSockets;
using System.Text.Json.Nodes;

namespace BddWs.Server.Endpoints.SocketIo;

/// <summary>
/// One Engine.IO connection on the WebSocket transport and the Socket.IO namespaces it joined. The
/// server pings it every <see cref="SocketIoOptions.PingInterval"/> and drops it when no pong comes in
/// <see cref="SocketIoOptions.PingTimeout"/>. The <c>/chat</c> namespace wants a token in the connect
/// packet's auth; there, <c>chat</c> goes to every other member with the sender's name first,
/// <c>order</c> is acknowledged with <c>["ok", id]</c>, and <c>leave</c> is answered with a disconnect.
/// </summary>
public sealed class SocketIoClient(SocketIoChat chat, SocketIoOptions options, Action abort) : IAsyncDisposable
{
    /// <summary>The demo namespace.</summary>
    public const string ChatNamespace = "/chat";

    private const int OutboxLimit = 1000;

    private readonly Outbox _outbox = new(OutboxLimit);
    private readonly CancellationTokenSource _stop = new();
    private readonly Dictionary<string, string> _names = new(StringComparer.Ordinal);
    private Task _pinging = Task.CompletedTask;
    private WebSocket? _socket;
    private bool _stopped;
    private TaskCompletionSource _pong = NewPong();

    /// <summary>Sends the Engine.IO open packet and starts pinging.</summary>
    public void Start(WebSocket socket)
    {
        _socket = socket;
        _outbox.StartSending(socket, _ => abort());
        var open = new JsonObject
        {
            ["sid"] = Guid.NewGuid().ToString("N"),
            ["upgrades"] = new JsonArray(),
            ["pingInterval"] = (long)options.PingInterval.TotalMilliseconds,
            ["pingTimeout"] = (long)options.PingTimeout.TotalMilliseconds,
            ["maxPayload"] = 1_000_000,
        };
        Post("0" + open.ToJsonString());
        _pinging = PingAsync(_stop.Token);
    }

    /// <summary>Handles one frame; false ends the connection (a close packet, or a frame that is not Engine.IO's).</summary>
    public async Task<bool> HandleAsync(SocketMessage message, CancellationToken cancellation)
    {
        var text = message.Type == WebSocketMessageType.Text ? message.Text : "";
        switch (text)
        {
            case "3":
                Volatile.Read(ref _pong).TrySetResult();
                return true;
            case "1":
                return false;
            case ['4', .. var rest] when SocketIoPacket.Read(rest) is { } packet:
                Handle(packet);
                return true;
            default:
                // Binary attachments are not part of the demo; anything else is no Engine.IO packet: the protocol is broken.
                await StopSendingAsync();
                await _socket!.CloseOutputAsync(WebSocketCloseStatus.ProtocolError, "Not an Engine.IO packet", cancellation);
                return false;
        }
    }

    /// <summary>Queues a packet for this client; a client too slow to take it is dropped.</summary>
    public void Send(SocketIoPacket packet) => Post(packet.Frame());

    public async ValueTask DisposeAsync()
    {
        chat.Leave(this);
        await _stop.CancelAsync();
        try
        {
            await _pinging;
        }
        catch (OperationCanceledException)
        {
            // Stopped with the connection.
        }

        await StopSendingAsync();
        _stop.Dispose();
    }

    /// <summary>Stops the outbox once, so that a close can go out while nothing else is being sent.</summary>
    private async Task StopSendingAsync()
    {
        if (!_stopped)
        {
            _stopped = true;
            await _outbox.DisposeAsync();
        }
    }

    private void Handle(SocketIoPacket packet)
    {
        switch (packet.Type)
        {
            case SocketIoPacket.Connect:
                Connect(packet);
                break;
            case SocketIoPacket.Disconnect:
                Left(packet.Namespace);
                break;
            case SocketIoPacket.Event when packet.Namespace == ChatNamespace && _names.TryGetValue(ChatNamespace, out var name) && packet.Data is JsonArray { Count: > 0 } data:
                OnChatEvent(name, data, packet.AckId);
                break;
        }
    }

    private void Connect(SocketIoPacket packet)
    {
        var space = packet.Namespace;
        if (space is not ("/" or ChatNamespace))
        {
            Send(new SocketIoPacket(SocketIoPacket.ConnectError, space, null, new JsonObject { ["message"] = "Invalid namespace" }));
            return;
        }

        var auth = packet.Data as JsonObject;
        if (space == ChatNamespace && auth?["token"]?.ToString() != options.Token)
        {
            Send(new SocketIoPacket(SocketIoPacket.ConnectError, space, null, new JsonObject { ["message"] = "not authorized" }));
            return;
        }

        if (_names.TryAdd(space, auth?["name"]?.ToString() ?? "anonymous") && space == ChatNamespace)
        {
            chat.Join(this);
        }

        Send(new SocketIoPacket(SocketIoPacket.Connect, space, null, new JsonObject { ["sid"] = Guid.NewGuid().ToString("N") }));
    }

    private void OnChatEvent(string name, JsonArray data, long? ackId)
    {
        switch (data[0]?.ToString())
        {
            case "chat":
                var said = new JsonArray("chat", name);
                foreach (var argument in data.Skip(1))
                {
                    said.Add(argument?.DeepClone());
                }

                var relayed = new SocketIoPacket(SocketIoPacket.Event, ChatNamespace, null, said);
                foreach (var other in chat.Others(this))
                {
                    other.Send(relayed);
                }

                break;
            case "order" when ackId is not null:
                Send(new SocketIoPacket(SocketIoPacket.Ack, ChatNamespace, ackId, new JsonArray("ok", chat.NextOrderId())));
                break;
            case "leave":
                Left(ChatNamespace);
                Send(new SocketIoPacket(SocketIoPacket.Disconnect, ChatNamespace, null, null));
                break;
        }
    }

    private void Left(string space)
    {
        if (_names.Remove(space) && space == ChatNamespace)
        {
            chat.Leave(this);
        }
    }

    private void Post(string text)
    {
        if (!_outbox.TryPost(SocketMessage.FromText(text)))
        {
            abort();
        }
    }

    private async Task PingAsync(CancellationToken cancellation)
    {
        while (!cancellation.IsCancellationRequested)
        {
            await Task.Delay(options.PingInterval, cancellation);
            var pong = NewPong();
            Volatile.Write(ref _pong, pong);
            Post("2");
            if (await Task.WhenAny(pong.Task, Task.Delay(options.PingTimeout, cancellation)) != pong.Task)
            {
                cancellation.ThrowIfCancellationRequested();
                abort();
                return;
            }
        }
    }

    private static TaskCompletionSource NewPong() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
