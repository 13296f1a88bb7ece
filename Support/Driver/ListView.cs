using System.Collections;

namespace BddWs.Driver;

/// <summary>
/// The first <see cref="Count"/> items of an array that is only ever appended to beyond them: a
/// snapshot that costs one small object instead of a copy. <see cref="Origin"/> names the record the
/// items come from, so that a judge can resume where it stopped on a later, longer view of it.
/// Read-only; <see cref="IList{T}"/> only so that LINQ takes its shortcuts (Last, ElementAt, ToList).
/// </summary>
internal sealed class ListView<T>(T[] items, int count, object origin) : IReadOnlyList<T>, IList<T>
{
    public static ListView<T> Empty { get; } = new([], 0, new object());

    public object Origin => origin;

    public int Count => count;

    public T this[int index]
    {
        get => (uint)index < (uint)count ? items[index] : throw new ArgumentOutOfRangeException(nameof(index));
        set => throw ReadOnly();
    }

    public bool IsReadOnly => true;

    public IEnumerator<T> GetEnumerator()
    {
        for (var i = 0; i < count; i++)
        {
            yield return items[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public int IndexOf(T item) => Array.IndexOf(items, item, 0, count);

    public bool Contains(T item) => IndexOf(item) >= 0;

    public void CopyTo(T[] array, int arrayIndex) => Array.Copy(items, 0, array, arrayIndex, count);

    public void Add(T item) => throw ReadOnly();

    public void Clear() => throw ReadOnly();

    public void Insert(int index, T item) => throw ReadOnly();

    public bool Remove(T item) => throw ReadOnly();

    public void RemoveAt(int index) => throw ReadOnly();

    private static NotSupportedException ReadOnly() => new("A snapshot of a connection's record cannot be changed.");
}
