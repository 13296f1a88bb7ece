namespace BddWs.Cli.Recording.Drafting;

/// <summary>
/// The draft of a feature from recordings of one session: catalog sentences only, what was sent as
/// steps, what arrived as expectations that will hold next time.
/// </summary>
public static class FeatureDraft
{
    /// <summary>
    /// The feature file's text. <paramref name="recordings"/> are one or more recordings of the same
    /// session; with two or more, a value that differs between them is written as a placeholder.
    /// </summary>
    /// <exception cref="RecordingException">No recording, or one that recorded nothing to draft.</exception>
    public static string Write(IReadOnlyList<RecordedSession> recordings, DraftOptions options)
    {
        if (recordings.Count == 0)
        {
            throw new RecordingException("There is no recording to write a draft from.");
        }

        var sessions = recordings.Select(SessionReader.Read).ToList();
        var session = sessions[0];
        if (session.Items.Count == 0)
        {
            throw new RecordingException($"{recordings[0].Source} recorded no HTTP call and no WebSocket connection to write a draft from.");
        }

        var varying = RecordingDifferences.Varying(session, sessions.Skip(1));
        var secrets = new SecretValues();

        // Secrets that arrived are known before their values are remembered, so none is written even where it is not used.
        foreach (var (leaf, _) in session.Items.SelectMany(i => i.Arrived).SelectMany(n => SecretValues.SecretLeaves(n, sent: false)))
        {
            if (DraftJson.Text(leaf) is { } value)
            {
                secrets.Arrived(value);
            }
        }

        ValueFlow.Apply(session.Items, varying);
        ArrivedValues.Apply(session.Items, varying);
        SecretsInDraft.Apply(session.Items, secrets);
        ConnectionNames.Give(session);
        var source = string.Join(" and ", recordings.Select(r => r.Source).Distinct(StringComparer.Ordinal));
        var draft = GherkinWriter.Write(options, source, session.Items);

        // Whatever a rule above missed, a secret's value is not written.
        return secrets.All.OrderByDescending(s => s.Length).Aggregate(draft, (text, secret) => text.Replace(secret, "***", StringComparison.Ordinal));
    }
}
