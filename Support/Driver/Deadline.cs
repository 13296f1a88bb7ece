namespace BddWs.Driver;

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
    public static Task WithinAsync(Task operation, TimeSpan within, Action<string> giveUp, string failure) =>
        WithinAsync(operation, within, giveUp, () => failure);

    /// <summary>
    /// As above, the failure worded only if the deadline passes: the words quote the message sent,
    /// which costs more than a send that finished at once.
    /// </summary>
    public static async Task WithinAsync(Task operation, TimeSpan within, Action<string> giveUp, Func<string> failure)
    {
        if (operation.IsCompleted)
        {
            // Most sends finish before they return: no timer needed to wait for them.
            await operation;
            return;
        }

        try
        {
            await operation.WaitAsync(within);
        }
        catch (TimeoutException) when (!operation.IsCompleted)
        {
            var why = failure();
            giveUp(why);
            // Dropping the connection ends the operation with an error no one waits for any more.
            _ = operation.ContinueWith(static done => done.Exception, TaskContinuationOptions.OnlyOnFaulted);
            throw new DeadlineExceededException(why);
        }
    }
}
