namespace BddWs.Server.Endpoints.Hubs;

/// <summary>
/// Who is in which group of <see cref="ChatHub"/>, by connection. SignalR keeps groups but does not
/// say who is in one, and <see cref="ChatHub.GetRoom"/> and the leave notices need to.
/// </summary>
public sealed class ChatRoster
{
    // group -> connection id -> user name
    private readonly Dictionary<string, Dictionary<string, string>> _groups = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>Puts the connection in the group as <paramref name="user"/> (a second join renames it).</summary>
    public void Join(string group, string connectionId, string user)
    {
        lock (_gate)
        {
            if (!_groups.TryGetValue(group, out var members))
            {
                _groups[group] = members = new Dictionary<string, string>(StringComparer.Ordinal);
            }

            members[connectionId] = user;
        }
    }

    /// <summary>Takes the connection out of the group; the user it was there as, or null if it was not in it.</summary>
    public string? Leave(string group, string connectionId)
    {
        lock (_gate)
        {
            if (!_groups.TryGetValue(group, out var members) || !members.Remove(connectionId, out var user))
            {
                return null;
            }

            if (members.Count == 0)
            {
                _groups.Remove(group);
            }

            return user;
        }
    }

    /// <summary>The users in the group, each once, in ordinal order; empty for a group nobody is in.</summary>
    public IReadOnlyList<string> Members(string group)
    {
        lock (_gate)
        {
            return _groups.TryGetValue(group, out var members)
                ? [.. members.Values.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)]
                : [];
        }
    }

    /// <summary>Takes a connection that has gone out of every group; the groups it was in, as whom, in ordinal order of group.</summary>
    public IReadOnlyList<GroupMember> Forget(string connectionId)
    {
        lock (_gate)
        {
            var left = new List<GroupMember>();
            foreach (var group in _groups.Keys.Order(StringComparer.Ordinal).ToList())
            {
                if (Leave(group, connectionId) is { } user)
                {
                    left.Add(new GroupMember(group, user));
                }
            }

            return left;
        }
    }
}
