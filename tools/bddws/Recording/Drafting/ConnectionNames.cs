using System.Text.Json.Nodes;

namespace BddWs.Cli.Recording.Drafting;

/// <summary>
/// Names the connections when several clients talked: the name a client gave itself in what it
/// sent (a user), or else Alice, Bob, Carol …; one connection is the scenario's own, <c>I</c>.
/// </summary>
internal static class ConnectionNames
{
    private static readonly string[] Names = ["Alice", "Bob", "Carol", "Dave", "Erin", "Frank", "Grace", "Heidi", "Ivan", "Judy"];

    private static readonly string[] NameFields = ["user", "username", "name", "from", "sender", "nickname"];

    public static void Give(DraftSession session)
    {
        if (session.Connections.Count <= 1)
        {
            return;
        }

        foreach (var connection in session.Connections)
        {
            connection.Suggested = Suggestion(connection, session.Items);
        }

        var suggested = session.Connections.Where(c => c.Suggested is not null).GroupBy(c => c.Suggested, StringComparer.OrdinalIgnoreCase)
            .Where(g => g.Count() == 1).Select(g => g.Key!).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var spare = Names.Where(n => !suggested.Contains(n)).GetEnumerator();
        foreach (var connection in session.Connections)
        {
            if (connection.Suggested is { } name && suggested.Contains(name))
            {
                connection.Name = name;
            }
            else
            {
                connection.Name = spare.MoveNext() ? spare.Current : $"Client {connection.Order + 1}";
            }
        }
    }

    private static string? Suggestion(DraftConnection connection, IEnumerable<DraftItem> items)
    {
        foreach (var item in items.Where(i => i.Connection == connection))
        {
            var candidate = item switch
            {
                HubInvokeItem invoke => DraftJson.Text(invoke.Arguments.FirstOrDefault()),
                ConnectItem or MessageItem { FromClient: true } or SocketIoEmitItem => item.Sent.SelectMany(DraftJson.Leaves)
                    .Where(l => DraftJson.FieldName(l) is { } field && NameFields.Contains(field, StringComparer.OrdinalIgnoreCase))
                    .Select(DraftJson.Text).FirstOrDefault(t => t is not null),
                _ => null,
            };
            if (candidate is { Length: >= 2 and <= 20 } && candidate.All(char.IsLetter))
            {
                return char.ToUpperInvariant(candidate[0]) + candidate[1..];
            }
        }

        return null;
    }
}
