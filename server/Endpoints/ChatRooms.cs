using Microsoft.Extensions.Options;

namespace BddWs.Server.Endpoints;

/// <summary>
/// Who is in which chat room, for the whole server. Relaying is a snapshot of the room then a
/// queue per member, so no member's sends happen under the lock or hold up another member.
/// </summary>
public sealed class ChatRooms(IOptions<ChatOptions> options, ILogger<ChatRooms> log)
{
    private readonly Dictionary<string, List<ChatMember>> _rooms = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>
    /// Adds a member to <paramref name="room"/>. <paramref name="abortConnection"/> drops its
    /// connection if it cannot keep up. Dispose the member to leave.
    /// </summary>
    public ChatMember Join(string room, Action abortConnection)
    {
        var member = new ChatMember(this, room, options.Value.QueueLimit, abortConnection);
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

    /// <summary>Queues <paramref name="message"/> for every other member of the sender's room.</summary>
    public void Relay(ChatMember sender, SocketMessage message)
    {
        ChatMember[] others;
        lock (_gate)
        {
            others = _rooms.TryGetValue(sender.Room, out var members) ? [.. members.Where(member => member != sender)] : [];
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
            log.LogWarning("Dropped a member of room {Room}: {Reason}", member.Room, reason);
            member.AbortConnection();
        }
    }
}
