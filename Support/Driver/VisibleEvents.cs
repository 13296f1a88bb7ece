namespace BddWs.Driver;

/// <summary>
/// The events of one connection's log without the messages an <see cref="IgnoreRule"/> leaves out,
/// kept as the log grows: each event is tested once, when a wait first sees it, not again at every
/// wait. A snapshot older than the last one filtered, or another log, is filtered on its own.
/// </summary>
internal sealed class VisibleEvents
{
    private readonly object _gate = new();
    private EventRecord? _source;
    private IReadOnlyList<MessageCheck>? _checks;
    private EventRecord _visible = new();
    private int _filtered;

    public IReadOnlyList<SessionEvent> Of(IReadOnlyList<SessionEvent> events, IReadOnlyList<MessageCheck> checks)
    {
        if (events is not LogView view)
        {
            return events.Where(e => !Ignores(checks, e)).ToList();
        }

        lock (_gate)
        {
            if (view.Origin != _source || checks != _checks)
            {
                // A new log, or a rule added since: start over with the rule as it stands.
                (_source, _checks, _visible, _filtered) = (view.Origin, checks, new EventRecord(), 0);
            }

            if (view.Count < _filtered)
            {
                return Filter(view, checks, new EventRecord(), 0).Snapshot();
            }

            _visible = Filter(view, checks, _visible, _filtered);
            _filtered = view.Count;
            return _visible.Snapshot();
        }
    }

    public static bool Ignores(IReadOnlyList<MessageCheck> checks, SessionEvent sessionEvent) =>
        sessionEvent is MessageEvent { Direction: MessageDirection.Received } received && checks.Any(c => c.Matches(received.Message));

    private static EventRecord Filter(LogView view, IReadOnlyList<MessageCheck> checks, EventRecord into, int from)
    {
        for (var i = from; i < view.Count; i++)
        {
            if (!Ignores(checks, view[i]))
            {
                into.Add(view[i]);
            }
        }

        return into;
    }
}
