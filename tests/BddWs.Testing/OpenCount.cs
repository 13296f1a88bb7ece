namespace BddWs.Testing;

/// <summary>A thread-safe count of connections in progress that can be awaited, with a deadline.</summary>
public sealed class OpenCount
{
    private readonly object _gate = new();
    private int _count;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _count;
            }
        }
    }

    public void Enter() => Change(+1);

    public void Leave() => Change(-1);

    /// <summary>True as soon as the count is <paramref name="expected"/>; false if it is not by the deadline.</summary>
    public async Task<bool> ReachesAsync(int expected, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                if (_count == expected)
                {
                    return true;
                }

                changed = _changed.Task;
            }

            var remaining = deadline - DateTime.UtcNow;
            if (remaining <= TimeSpan.Zero)
            {
                return false;
            }

            try
            {
                await changed.WaitAsync(remaining);
            }
            catch (TimeoutException)
            {
                return Count == expected;
            }
        }
    }

    private void Change(int by)
    {
        TaskCompletionSource changed;
        lock (_gate)
        {
            _count += by;
            changed = _changed;
            _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        changed.TrySetResult();
    }
}
