using System.Collections;

namespace BddWs.Driver;

/// <summary>
/// A snapshot of an <see cref="EventRecord"/>: its first <see cref="Count"/> events, with what the
/// queries of <see cref="SessionEventQueries"/> ask most (the received messages, the opening, the
/// close) found when the events were recorded, so that asking costs nothing per event.
/// </summary>
internal sealed class LogView(
    EventRecord origin,
    ListView<SessionEvent> events,
    MessageEvent[] received,
    WebSocketMessage[] receivedMessages,
    int receivedCount,
    Opened? opened,
    Closed? closed) : IReadOnlyList<SessionEvent>, IList<SessionEvent>
{
    // Made when first asked for: many snapshots are only asked for one of them, or neither.
    private ListView<MessageEvent>? _received;
    private ListView<WebSocketMessage>? _receivedMessages;

    public EventRecord Origin => origin;

    public ListView<MessageEvent> Received => _received ??= new(received, receivedCount, origin);

    public ListView<WebSocketMessage> ReceivedMessages => _receivedMessages ??= new(receivedMessages, receivedCount, origin);

    /// <summary>The first <see cref="Opened"/> among the events, if any.</summary>
    public Opened? Opened => opened;

    /// <summary>The first <see cref="Closed"/> among the events, if any.</summary>
    public Closed? Closed => closed;

    public int Count => events.Count;

    public SessionEvent this[int index]
    {
        get => events[index];
        set => events[index] = value;
    }

    public bool IsReadOnly => true;

    public IEnumerator<SessionEvent> GetEnumerator() => events.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public int IndexOf(SessionEvent item) => events.IndexOf(item);

    public bool Contains(SessionEvent item) => events.Contains(item);

    public void CopyTo(SessionEvent[] array, int arrayIndex) => events.CopyTo(array, arrayIndex);

    public void Add(SessionEvent item) => events.Add(item);

    public void Clear() => events.Clear();

    public void Insert(int index, SessionEvent item) => events.Insert(index, item);

    public bool Remove(SessionEvent item) => events.Remove(item);

    public void RemoveAt(int index) => events.RemoveAt(index);
}
