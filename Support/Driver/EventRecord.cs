namespace BddWs.Driver;

/// <summary>
/// Events in the order they were added, never changed once added: a snapshot is a view of the first
/// n (<see cref="LogView"/>) that stays true while more are added. One writer at a time (its owner
/// holds a lock around <see cref="Add"/> and <see cref="Snapshot"/>); any number of readers of snapshots,
/// on any thread, without a lock: an array is only written beyond the counts already handed out, and a
/// full one is copied into a larger one, never changed.
/// </summary>
internal sealed class EventRecord
{
    private SessionEvent[] _events = new SessionEvent[16];
    private MessageEvent[] _received = new MessageEvent[8];
    private WebSocketMessage[] _receivedMessages = new WebSocketMessage[8];
    private int _count;
    private int _receivedCount;
    private Opened? _opened;
    private Closed? _closed;
    private LogView? _last;

    public int Count => _count;

    public void Add(SessionEvent sessionEvent)
    {
        Append(ref _events, _count++, sessionEvent);
        switch (sessionEvent)
        {
            case MessageEvent { Direction: MessageDirection.Received } message:
                Append(ref _received, _receivedCount, message);
                Append(ref _receivedMessages, _receivedCount++, message.Message);
                break;
            case Opened opened:
                _opened ??= opened;
                break;
            case Closed closed:
                _closed ??= closed;
                break;
        }
    }

    /// <summary>The events so far; the same object again while none has been added.</summary>
    public LogView Snapshot()
    {
        if (_last?.Count != _count)
        {
            _last = new LogView(
                this,
                new ListView<SessionEvent>(_events, _count, this),
                _received,
                _receivedMessages,
                _receivedCount,
                _opened,
                _closed);
        }

        return _last;
    }

    private static void Append<T>(ref T[] items, int index, T item)
    {
        if (index == items.Length)
        {
            var larger = new T[items.Length * 2];
            Array.Copy(items, larger, index);
            items = larger;
        }

        items[index] = item;
    }
}
