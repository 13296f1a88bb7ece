using Xunit;

namespace BddWs.Testing;

/// <summary>For server state no message announces: look again until it holds or the deadline passes.</summary>
public static class Eventually
{
    public static Task<bool> HoldsAsync(Func<bool> condition, TimeSpan? within = null) =>
        HoldsAsync(() => Task.FromResult(condition()), within);

    public static async Task<bool> HoldsAsync(Func<Task<bool>> condition, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? Patience.MustHappen);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            await Task.Delay(5, TestContext.Current.CancellationToken);
        }

        return true;
    }
}
