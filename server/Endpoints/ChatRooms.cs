using System.Net.WebSockets;
using System.Text.Json;
using BddWs.Server.ScaleOut;
using Microsoft.Extensions.Options;

namespace BddWs.Server.Endpoints;

/// <summary>
/// Who is in which chat room, for the whole server. Relaying is a snapshot of the room then a
/// queue per member, so no member's sends happen under the lock or hold up another member.
/// Scaled out, a message goes to the members here first, then through <see cref="IInstanceBus"/>
/// to the members of the same room on the other instances.
/// </summary>
public sealed class ChatRooms
{
    /// <summary>The topic chat messages travel on between instances.</summary>
    public const string Topic = "chat";

    private readonly Dictionary<string, List<ChatMember>> _rooms = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private readonly IOptions<ChatOptions> _options;
    private readonly ILogger<ChatRooms> _log;
    private readonly IInstanceBus _instances;

    public ChatRooms(IOptions<ChatOptions> options, ILogger<ChatRooms> log, IInstanceBus instances)
    {
        (_options, _log, _instances) = (options, log, instances);
        instances.Subscribe(Topic, FromAnotherInstance);
    }

    /// <summary>
    /// Adds a member to <paramref name="room"/>. <paramref name="abortConnection"/> drops its
    /// connection if it cannot keep up. Dispose the member to leave.
    /// </summary>
    public ChatMember Join(string room, Action abortConnection)
    {
        var member = new ChatMember(this, room, _options.Value.QueueLimit, abortConnection);
        lock (_gate)
        {
            if (!_rooms.TryGetValue(room, out var members))
            {
                _rooms[room] = members = [];
            }

            members.Add(member);
        }

        return member;
    }

    /// <summary>How many members <paramref name="room"/> has now.</summary>
    public int CountIn(string room)
    {
        lock (_gate)
        {
            return _rooms.TryGetValue(room, out var members) ? members.Count : 0;
        }
    }

    /// <summary>
    /// Queues <paramref name="message"/> for every other member of the sender's room, here and on
    /// the other instances. When the other instances cannot be reached, the sender is told so with
    /// <see cref="NotDelivered.ChatMessage"/>.
    /// </summary>
    public async Task RelayAsync(ChatMember sender, SocketMessage message)
    {
        Deliver(sender.Room, message, except: sender);
        try
        {
            await _instances.PublishAsync(Topic, JsonSerializer.SerializeToUtf8Bytes(
                new ChatTravel(sender.Room, message.Type == WebSocketMessageType.Binary, message.Payload.ToArray())));
        }
        catch (InstancesUnreachableException failure)
        {
            _log.LogError("A message to room {Room} was not delivered to the other instances: {Reason}", sender.Room, failure.Message);
            sender.TryDeliver(SocketMessage.FromText(NotDelivered.ChatMessage));
        }
    }

    private void FromAnotherInstance(ReadOnlyMemory<byte> travelled)
    {
        if (JsonSerializer.Deserialize<ChatTravel>(travelled.Span) is { Room: { } room, Payload: { } payload } travel)
        {
            Deliver(room, new SocketMessage(travel.Binary ? WebSocketMessageType.Binary : WebSocketMessageType.Text, payload), except: null);
        }
    }

    private void Deliver(string room, SocketMessage message, ChatMember? except)
    {
        ChatMember[] others;
        lock (_gate)
        {
            others = _rooms.TryGetValue(room, out var members) ? [.. members.Where(member => member != except)] : [];
        }

        foreach (var member in others)
        {
            if (!member.TryDeliver(message))
            {
                Drop(member, "too many messages waiting for it to read them");
            }
        }
    }

    /// <summary>Removes a member from its room; false if it had already left.</summary>
    public bool Leave(ChatMember member)
    {
        lock (_gate)
        {
            if (!_rooms.TryGetValue(member.Room, out var members) || !members.Remove(member))
            {
                return false;
            }

            if (members.Count == 0)
            {
                _rooms.Remove(member.Room);
            }

            return true;
        }
    }

    /// <summary>Removes a member that cannot keep up and cuts its connection, once.</summary>
    public void Drop(ChatMember member, string reason)
    {
        if (Leave(member))
        {
            _log.LogWarning("Dropped a member of room {Room}: {Reason}", member.Room, reason);
            member.AbortConnection();
        }
    }
}
