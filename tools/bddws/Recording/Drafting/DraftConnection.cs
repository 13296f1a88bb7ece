namespace BddWs.Cli.Recording.Drafting;

/// <summary>A WebSocket connection of the session as the draft names it.</summary>
internal sealed class DraftConnection(string id, int order, Dialect dialect)
{
    /// <summary>The recording's name for it.</summary>
    public string Id { get; } = id;

    /// <summary>Its place among the session's connections, from 0, to pair it with the same one in another recording.</summary>
    public int Order { get; } = order;

    public Dialect Dialect { get; } = dialect;

    /// <summary>Null for the scenario's one connection (<c>I</c>); a name when several clients talked.</summary>
    public string? Name { get; set; }

    /// <summary>A name the recording suggests (a user it logged in as), if any.</summary>
    public string? Suggested { get; set; }

    /// <summary><c>I am</c> or <c>"Bob" is</c>.</summary>
    public string Is => Name is null ? "I am" : $"{GherkinText.Quote(Name)} is";

    /// <summary><c>I</c> or <c>"Bob"</c>, followed by the verb for <paramref name="verb"/> (<c>send</c>: <c>I send</c>, <c>"Bob" sends</c>).</summary>
    public string Does(string verb) => Name is null ? $"I {verb}" : $"{GherkinText.Quote(Name)} {ThirdPerson(verb)}";

    private static string ThirdPerson(string verb) => verb switch
    {
        "do" => "does",
        "try" => "tries",
        _ when verb.EndsWith('s') || verb.EndsWith("sh", StringComparison.Ordinal) || verb.EndsWith("ch", StringComparison.Ordinal) => verb + "es",
        _ => verb + "s",
    };
}
