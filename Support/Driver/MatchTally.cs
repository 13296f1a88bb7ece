namespace BddWs.Driver;

/// <summary>
/// How many items pass <paramref name="test"/>, counted on from where the last count stopped when it
/// is asked again of a longer snapshot of the same record; any other list is counted from the start.
/// </summary>
internal sealed class MatchTally<T>(Func<T, bool> test)
{
    private readonly object _gate = new();
    private object? _origin;
    private int _counted;
    private int _passed;

    public int In(IReadOnlyList<T> items)
    {
        lock (_gate)
        {
            var origin = (items as ListView<T>)?.Origin;
            if (origin is null || origin != _origin || items.Count < _counted)
            {
                (_origin, _counted, _passed) = (origin, 0, 0);
            }

            for (; _counted < items.Count; _counted++)
            {
                _passed += test(items[_counted]) ? 1 : 0;
            }

            return _passed;
        }
    }
}
