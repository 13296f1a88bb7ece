using System.Buffers.Binary;
using System.Text;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace BddWs.Server.ScaleOut;

/// <summary>
/// The instances of the service on one Redis: one connection for this instance's pub/sub (SignalR's
/// backplane keeps its own, made from the same settings), one channel for everything the instances tell each other, each message
/// marked with the instance that sent it so that it is not handed back to it. Connecting never
/// stops the server: while Redis is away the server serves its own clients, <c>/health</c> says
/// <c>degraded</c>, and whatever should have reached the other instances fails at once (no backlog),
/// so the sender is told.
/// </summary>
public sealed class RedisInstanceBus : IInstanceBus, IHostedService, IAsyncDisposable
{
    /// <summary>The channel the instances share, after the deployment's prefix.</summary>
    public const string Channel = "instances";

    private static readonly RedisChannel SharedChannel = RedisChannel.Literal(Channel);

    private readonly ConfigurationOptions _configuration;
    private readonly ILogger<RedisInstanceBus> _log;
    private readonly Lazy<Task<ConnectionMultiplexer>> _connection;
    private readonly Dictionary<string, List<Action<ReadOnlyMemory<byte>>>> _handlers = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private readonly byte[] _origin = Guid.NewGuid().ToByteArray();
    private volatile bool _subscribed;

    public RedisInstanceBus(IOptions<ScaleOutOptions> options, ILogger<RedisInstanceBus> log)
    {
        _log = log;
        _configuration = ConfigurationFrom(options.Value);
        _connection = new(ConnectAsync);
    }

    /// <summary>How the instance connects to Redis, for its own pub/sub and for SignalR's backplane alike.</summary>
    public static ConfigurationOptions ConfigurationFrom(ScaleOutOptions options)
    {
        var configuration = ConfigurationOptions.Parse(options.Redis!);

        // Start without Redis rather than not at all, and keep trying; fail a send at once while
        // disconnected rather than hold it: a sender waiting seconds to hear nothing is worse than an error.
        configuration.AbortOnConnectFail = false;
        configuration.BacklogPolicy = BacklogPolicy.FailFast;
        configuration.ChannelPrefix = RedisChannel.Literal(options.ChannelPrefix + ":");
        return configuration;
    }

    private Task<ConnectionMultiplexer> ConnectionAsync() => _connection.Value;

    public string? RedisState =>
        _subscribed && _connection is { IsValueCreated: true, Value.IsCompletedSuccessfully: true } && _connection.Value.Result.IsConnected
            ? "connected"
            : "unreachable";

    public async Task PublishAsync(string topic, ReadOnlyMemory<byte> message)
    {
        try
        {
            var connection = await ConnectionAsync();
            await connection.GetSubscriber().PublishAsync(SharedChannel, Frame(topic, message));
        }
        catch (Exception failure) when (failure is RedisException or RedisTimeoutException)
        {
            throw new InstancesUnreachableException($"Redis cannot be reached: {FirstLine(failure.Message)}", failure);
        }
    }

    public void Subscribe(string topic, Action<ReadOnlyMemory<byte>> fromAnotherInstance)
    {
        lock (_gate)
        {
            if (!_handlers.TryGetValue(topic, out var handlers))
            {
                _handlers[topic] = handlers = [];
            }

            handlers.Add(fromAnotherInstance);
        }
    }

    /// <summary>Connects and subscribes before the server takes its first request, so nothing sent from another instance meanwhile is missed.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var connection = await ConnectionAsync();
        connection.ConnectionFailed += (_, failed) =>
            _log.LogError("Lost Redis ({Endpoint}): {Failure}; messages cannot reach the other instances until it is back", failed.EndPoint, failed.FailureType);
        connection.ConnectionRestored += (_, restored) =>
        {
            _log.LogInformation("Redis is back ({Endpoint})", restored.EndPoint);
            if (!_subscribed)
            {
                _ = SubscribeAsync(connection, again: true);
            }
        };
        await SubscribeAsync(connection, again: false);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (_connection is { IsValueCreated: true, Value.IsCompletedSuccessfully: true })
        {
            await _connection.Value.Result.DisposeAsync();
        }
    }

    private async Task<ConnectionMultiplexer> ConnectAsync()
    {
        var connection = await ConnectionMultiplexer.ConnectAsync(_configuration);
        if (!connection.IsConnected)
        {
            _log.LogError("Redis cannot be reached ({Redis}): the server serves its own clients, and keeps trying", _configuration.ToString(includePassword: false));
        }

        return connection;
    }

    private async Task SubscribeAsync(ConnectionMultiplexer connection, bool again)
    {
        var subscriber = connection.GetSubscriber();
        try
        {
            if (again)
            {
                // A subscription that failed half-way may be registered already: one handler, never two.
                await subscriber.UnsubscribeAsync(SharedChannel, Receive);
            }

            await subscriber.SubscribeAsync(SharedChannel, Receive);
            _subscribed = true;
        }
        catch (Exception failure) when (failure is RedisException or RedisTimeoutException)
        {
            _log.LogError("Could not subscribe to the other instances on Redis: {Failure}", FirstLine(failure.Message));
        }
    }

    private void Receive(RedisChannel channel, RedisValue value)
    {
        ReadOnlyMemory<byte> frame = (byte[])value!;
        if (frame.Length < _origin.Length + 2 || frame.Span[.._origin.Length].SequenceEqual(_origin))
        {
            return;
        }

        var rest = frame[_origin.Length..];
        var topicLength = BinaryPrimitives.ReadUInt16BigEndian(rest.Span);
        var topic = Encoding.UTF8.GetString(rest.Span.Slice(2, topicLength));
        var message = rest[(2 + topicLength)..];
        Action<ReadOnlyMemory<byte>>[] handlers;
        lock (_gate)
        {
            handlers = _handlers.TryGetValue(topic, out var found) ? [.. found] : [];
        }

        foreach (var handler in handlers)
        {
            try
            {
                handler(message);
            }
            catch (Exception failure)
            {
                _log.LogError(failure, "A message from another instance on {Topic} could not be handled", topic);
            }
        }
    }

    // origin (16 bytes) | topic length (2 bytes, big-endian) | topic (UTF-8) | message
    private byte[] Frame(string topic, ReadOnlyMemory<byte> message)
    {
        var topicBytes = Encoding.UTF8.GetBytes(topic);
        var frame = new byte[_origin.Length + 2 + topicBytes.Length + message.Length];
        _origin.CopyTo(frame, 0);
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(_origin.Length), (ushort)topicBytes.Length);
        topicBytes.CopyTo(frame, _origin.Length + 2);
        message.CopyTo(frame.AsMemory(_origin.Length + 2 + topicBytes.Length));
        return frame;
    }

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();
}
