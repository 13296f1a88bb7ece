namespace BddWs.Testing;

/// <summary>
/// How long a test waits for something that must happen: a reply, a close, a count reached.
/// Generous on purpose, because the machine may be a busy, shared one: every such wait ends the
/// moment the event arrives, so the figure costs nothing when things work, and only a machine
/// stalled this long (or a real defect) can make the test red.
/// Windows in which something must NOT happen are another matter: each is chosen by its test
/// so that slowness can only make it pass for the right reason, never fail.
/// </summary>
public static class Patience
{
    public static readonly TimeSpan MustHappen = TimeSpan.FromSeconds(30);
}
