using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace BddWs.Server.Endpoints;

/// <summary>
/// One <c>/json</c> connection: parses each text message and does what its command asks
/// (see <see cref="JsonEndpoint"/>). Delayed replies run beside the read loop, so the
/// connection keeps answering, and closing, while one is pending.
/// </summary>
public sealed class JsonConversation(WebSocket socket, CancellationToken connectionAborted) : IAsyncDisposable
{
    /// <summary>The most ticks one burst may ask for.</summary>
    public const int MaxBurst = 10_000;

    /// <summary>The longest delay, in milliseconds, one delay may ask for.</summary>
    public const int MaxDelayMs = 10_000;

    /// <summary>The longest close reason the protocol allows, in UTF-8 bytes.</summary>
    public const int MaxCloseReasonBytes = 123;

    private readonly SerializedSender _sender = new(socket);
    private readonly CancellationTokenSource _connectionEnded = CancellationTokenSource.CreateLinkedTokenSource(connectionAborted);
    private readonly List<Task> _pendingDelays = [];

    /// <summary>Answers one message; false once the command ended the conversation (close, abort).</summary>
    public async Task<bool> HandleAsync(SocketMessage message, CancellationToken cancellation)
    {
        if (message.Type != WebSocketMessageType.Text)
        {
            return await ReplyAsync(JsonReplies.Error("binary messages are not supported on /json"), cancellation);
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(message.Payload);
        }
        catch (JsonException ex)
        {
            return await ReplyAsync(JsonReplies.Error($"invalid JSON: {ex.Message}"), cancellation);
        }

        using (document)
        {
            var request = document.RootElement;
            return JsonFields.CommandOf(request) switch
            {
                "greet" => await GreetAsync(request, cancellation),
                "add" => await AddAsync(request, cancellation),
                "burst" => await BurstAsync(request, cancellation),
                "delay" => await DelayAsync(request, cancellation),
                "close" => await CloseAsync(request, cancellation),
                "abort" => Abort(),
                _ => await ReplyAsync(JsonReplies.Echo(request), cancellation),
            };
        }
    }

    /// <summary>Cancels the delayed replies still pending and waits until they have given up.</summary>
    public async ValueTask DisposeAsync()
    {
        await _connectionEnded.CancelAsync();
        await Task.WhenAll(_pendingDelays);
        _connectionEnded.Dispose();
        _sender.Dispose();
    }

    private Task<bool> GreetAsync(JsonElement request, CancellationToken cancellation) =>
        JsonFields.String(request, "name") is { } name
            ? ReplyAsync(JsonReplies.Greeting(name), cancellation)
            : ReplyAsync(JsonReplies.Error("greet needs \"name\" (a string)"), cancellation);

    private Task<bool> AddAsync(JsonElement request, CancellationToken cancellation)
    {
        if (JsonFields.Numbers(request, "numbers") is not { } numbers)
        {
            return ReplyAsync(JsonReplies.Error("add needs \"numbers\" (an array of numbers)"), cancellation);
        }

        try
        {
            return ReplyAsync(JsonReplies.Sum(numbers.Sum()), cancellation);
        }
        catch (OverflowException)
        {
            return ReplyAsync(JsonReplies.Error("add: the sum is too large"), cancellation);
        }
    }

    private async Task<bool> BurstAsync(JsonElement request, CancellationToken cancellation)
    {
        if (JsonFields.Integer(request, "count", 1, MaxBurst) is not { } count)
        {
            return await ReplyAsync(JsonReplies.Error($"burst needs \"count\" (an integer from 1 to {MaxBurst})"), cancellation);
        }

        for (var seq = 1; seq <= count; seq++)
        {
            await _sender.SendAsync(JsonReplies.Tick(seq), cancellation);
        }

        return true;
    }

    private Task<bool> DelayAsync(JsonElement request, CancellationToken cancellation)
    {
        if (JsonFields.Integer(request, "ms", 0, MaxDelayMs) is not { } ms || JsonFields.String(request, "text") is not { } text)
        {
            return ReplyAsync(JsonReplies.Error($"delay needs \"ms\" (an integer from 0 to {MaxDelayMs}) and \"text\" (a string)"), cancellation);
        }

        _pendingDelays.RemoveAll(delay => delay.IsCompleted);
        _pendingDelays.Add(ReplyLaterAsync(TimeSpan.FromMilliseconds(ms), JsonReplies.Delayed(text)));
        return Task.FromResult(true);
    }

    private async Task<bool> CloseAsync(JsonElement request, CancellationToken cancellation)
    {
        if (JsonFields.Integer(request, "code", 1000, 4999) is not { } code || code is > 1000 and < 3000)
        {
            return await ReplyAsync(JsonReplies.Error("close needs \"code\" (1000, or an integer from 3000 to 4999)"), cancellation);
        }

        var reason = request.TryGetProperty("reason", out _) ? JsonFields.String(request, "reason") : "";
        if (reason is null || Encoding.UTF8.GetByteCount(reason) > MaxCloseReasonBytes)
        {
            return await ReplyAsync(JsonReplies.Error($"close takes \"reason\" as a string of at most {MaxCloseReasonBytes} UTF-8 bytes"), cancellation);
        }

        await _sender.CloseAsync((WebSocketCloseStatus)code, reason, cancellation);
        return false;
    }

    private static bool Abort()
    {
        // Ends the conversation with no close frame, so clients report an abnormal closure: the
        // endpoint then disposes the socket unclosed and Kestrel closes the TCP connection. Neither
        // HttpContext.Abort() nor WebSocket.Abort(): they reset the connection, and a reset can make
        // the client's TCP stack discard replies that arrived but were not read yet.
        return false;
    }

    private async Task<bool> ReplyAsync(SocketMessage reply, CancellationToken cancellation)
    {
        await _sender.SendAsync(reply, cancellation);
        return true;
    }

    private async Task ReplyLaterAsync(TimeSpan delay, SocketMessage reply)
    {
        var connectionEnded = _connectionEnded.Token;
        try
        {
            await Task.Delay(delay, connectionEnded);
            await _sender.SendAsync(reply, connectionEnded);
        }
        catch (OperationCanceledException) when (connectionEnded.IsCancellationRequested)
        {
            // The connection ended first; nobody is left to reply to.
        }
        catch (WebSocketException)
        {
            // Closed while the reply was due: the same.
        }
    }
}
