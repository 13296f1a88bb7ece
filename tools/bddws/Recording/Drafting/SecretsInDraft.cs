using System.Text.Json.Nodes;
using System.Web;

namespace BddWs.Cli.Recording.Drafting;

/// <summary>
/// Takes every secret out of the draft: one that arrived becomes a placeholder (or stays the
/// remembered value it already is); one that was sent is read from an environment variable the
/// step names, so the recording's value is never written.
/// </summary>
internal static class SecretsInDraft
{
    public static void Apply(IReadOnlyList<DraftItem> items, SecretValues secrets)
    {
        foreach (var item in items)
        {
            var place = item switch
            {
                HttpItem http => SecretValues.PlaceOf(http.Path),
                ConnectItem connect => SecretValues.PlaceOf(connect.Path),
                _ => "",
            };
            foreach (var (leaf, name) in item.Sent.SelectMany(n => SecretValues.SecretLeaves(n, sent: true)).ToList())
            {
                if (Raw(leaf) is { } value)
                {
                    DraftJson.Replace(leaf, Variable(item, secrets, value, place, name));
                }
            }

            switch (item)
            {
                case HttpItem http:
                    for (var i = 0; i < http.SetHeaders.Count; i++)
                    {
                        http.SetHeaders[i] = (http.SetHeaders[i].Name, Header(item, secrets, http.SetHeaders[i].Name, http.SetHeaders[i].Value));
                    }

                    http.Path = Query(item, secrets, http.Path, place);
                    break;
                case ConnectItem connect:
                    for (var i = 0; i < connect.Headers.Count; i++)
                    {
                        connect.Headers[i] = (connect.Headers[i].Name, Header(item, secrets, connect.Headers[i].Name, connect.Headers[i].Value));
                    }

                    connect.Path = Query(item, secrets, connect.Path, place);
                    if (connect.AccessToken is { } token && !token.Contains(GherkinText.Open))
                    {
                        connect.AccessToken = Variable(item, secrets, token, "", "ACCESS_TOKEN");
                    }

                    break;
            }
        }

        // Secrets that arrived: never written, whatever field they came back in.
        foreach (var leaf in items.SelectMany(i => i.Arrived).SelectMany(n => SecretValues.SecretLeaves(n, sent: false)).Select(p => p.Leaf).ToList())
        {
            if (Raw(leaf) is { } value)
            {
                secrets.Arrived(value);
                DraftJson.Replace(leaf, GeneratedValues.Placeholder(leaf));
            }
        }

        // A secret value anywhere else (a text message, another field): the same variable.
        foreach (var item in items)
        {
            string Map(string text)
            {
                foreach (var secret in secrets.All.OrderByDescending(s => s.Length))
                {
                    if (text.Contains(secret, StringComparison.Ordinal))
                    {
                        text = text.Replace(secret, Variable(item, secrets, secret, "", "SECRET"), StringComparison.Ordinal);
                    }
                }

                return text;
            }

            item.MapSentTexts(Map);
            foreach (var leaf in item.Sent.SelectMany(DraftJson.Leaves).ToList())
            {
                if (DraftJson.Text(leaf) is { } text && Map(text) is var mapped && mapped != text)
                {
                    DraftJson.Replace(leaf, mapped);
                }
            }

            foreach (var leaf in item.Arrived.SelectMany(DraftJson.Leaves).ToList())
            {
                if (DraftJson.Text(leaf) is { } text && secrets.All.Any(s => text.Contains(s, StringComparison.Ordinal)))
                {
                    DraftJson.Replace(leaf, "(any string)");
                }
            }
        }
    }

    private static string? Raw(JsonValue leaf) =>
        DraftJson.Text(leaf) is { Length: > 0 } text && !text.Contains(GherkinText.Open) && !text.StartsWith('(') ? text : null;

    private static string Variable(DraftItem item, SecretValues secrets, string value, string place, string name)
    {
        var variable = secrets.VariableFor(value, place, name);
        if (!item.Environment.Contains(variable))
        {
            item.Environment.Add(variable);
        }

        return GherkinText.Reference(variable);
    }

    /// <summary><c>Bearer ${API_TOKEN}</c> for a bearer token from nowhere in the session; a remembered one stays.</summary>
    private static string Header(DraftItem item, SecretValues secrets, string name, string value)
    {
        if (!SecretValues.IsSecretName(name) || value.Contains(GherkinText.Open))
        {
            return value;
        }

        var space = value.IndexOf(' ', StringComparison.Ordinal);
        if (name.Equals("Authorization", StringComparison.OrdinalIgnoreCase) && space > 0)
        {
            var scheme = value[..space];
            var credentials = value[(space + 1)..];
            var variable = scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase) ? "API_TOKEN" : "AUTHORIZATION";
            return $"{scheme} {Variable(item, secrets, credentials, "", variable)}";
        }

        return Variable(item, secrets, value, "", name);
    }

    /// <summary>A secret query parameter (<c>access_token</c>, <c>apiKey</c>) read from the environment.</summary>
    private static string Query(DraftItem item, SecretValues secrets, string path, string place)
    {
        var mark = path.IndexOf('?', StringComparison.Ordinal);
        if (mark < 0)
        {
            return path;
        }

        var query = HttpUtility.ParseQueryString(path[(mark + 1)..]);
        foreach (var key in query.AllKeys)
        {
            if (key is not null && SecretValues.IsSecretQuery(key) && query[key] is { Length: > 0 } value && !value.Contains(GherkinText.Open))
            {
                path = path.Replace(Uri.EscapeDataString(value), Variable(item, secrets, value, "", key), StringComparison.Ordinal)
                    .Replace(value, Variable(item, secrets, value, "", key), StringComparison.Ordinal);
            }
        }

        return path;
    }
}
