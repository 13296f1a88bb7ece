namespace BddWs.Driver;

/// <summary>
/// Where the first item from <paramref name="from"/> on (from 0) passes <paramref name="test"/>, found by
/// resuming where the last search stopped when it is asked again of a longer snapshot of the same
/// record: a wait then tests each message once, however often it is woken. Any other list is searched
/// from the start.
/// </summary>
internal sealed class FirstMatch<T>(Func<T, bool> test, int from = 0)
{
    private readonly object _gate = new();
    private object? _origin;
    private int _searched;
    private int _found = -1;

    /// <summary>The index of the first item passing the test; -1 if none does.</summary>
    public int In(IReadOnlyList<T> items)
    {
        lock (_gate)
        {
            var origin = (items as ListView<T>)?.Origin;
            if (origin is null || origin != _origin || items.Count < _searched)
            {
                (_origin, _searched, _found) = (origin, from, -1);
            }

            for (; _found < 0 && _searched < items.Count; _searched++)
            {
                if (test(items[_searched]))
                {
                    _found = _searched;
                }
            }

            return _found;
        }
    }
}
