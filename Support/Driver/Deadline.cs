namespace BddWs.Specs.Support.Driver;

/// <summary>
/// Socket work that must end in time. A server that stops reading, or never answers a close
/// frame, would otherwise hold the step, and with it the whole run, for ever.
/// </summary>
public static class Deadline
{
    /// <summary>
    /// Waits for <paramref name="operation"/> up to <paramref name="within"/>. Past it, hands
    /// <paramref name="failure"/> to <paramref name="giveUp"/> (which drops the connection, so nothing
    /// stays open) and throws <see cref="DeadlineExceededException"/> with it.
    /// </summary>
    public static async Task WithinAsync(Task operation, TimeSpan within, Action<string> giveUp, string failure)
    {
        try
        {
            await operation.WaitAsync(within);
        }
        catch (TimeoutException) when (!operation.IsCompleted)
        {
            giveUp(failure);
            // Dropping the connection ends the operation with an error no one waits for any more.
            _ = operation.ContinueWith(static done => done.Exception, TaskContinuationOptions.OnlyOnFaulted);
            throw new DeadlineExceededException(failure);
        }
    }
}
