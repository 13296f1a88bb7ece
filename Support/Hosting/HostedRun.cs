using System.Reflection;
using BddWs.Driver;

namespace BddWs.Hosting;

/// <summary>
/// The hosted service of this run, started once by whichever asks first (the early start or the
/// <c>BeforeTestRun</c> hook), and stopped after the run. Shared by the whole process, as the run is.
/// </summary>
internal static class HostedRun
{
    private static readonly Lock Gate = new();
    private static Task<HostedService?>? _starting;

    /// <summary>
    /// The started service; null when the suite hosts none or <c>BDDWS_SERVER_URL</c> names another.
    /// The first call starts it; it never throws here: a failure to start is in the task.
    /// </summary>
    public static Task<HostedService?> StartAsync(Assembly testAssembly) => StartAsync(testAssembly, () => ServiceSetups.In(testAssembly));

    /// <summary>As <see cref="StartAsync(Assembly)"/>, with the setups given rather than found.</summary>
    internal static Task<HostedService?> StartAsync(Assembly testAssembly, Func<IReadOnlyList<IServiceSetup>> setups)
    {
        lock (Gate)
        {
            return _starting ??= StartOnceAsync(testAssembly, setups);
        }
    }

    /// <summary>The service once started; null before, or when none is hosted.</summary>
    public static HostedService? Current =>
        Volatile.Read(ref _starting) is { IsCompletedSuccessfully: true } started ? started.Result : null;

    /// <summary>Stops the service if one was started, and lets a later run in this process start another.</summary>
    public static async Task StopAsync()
    {
        Task<HostedService?>? starting;
        lock (Gate)
        {
            (starting, _starting) = (_starting, null);
        }

        if (starting is { IsCompletedSuccessfully: false })
        {
            try
            {
                await starting;
            }
            catch (HostingFailedException)
            {
                return;
            }
        }

        if (starting?.Result is { } service)
        {
            await service.DisposeAsync();
        }
    }

    private static Task<HostedService?> StartOnceAsync(Assembly testAssembly, Func<IReadOnlyList<IServiceSetup>> setups)
    {
        // The variable as such, not parsed: a bad value is the settings' to report, with its own message.
        if (!string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(SuiteSettings.ServerUrlVariable)) || testAssembly.GetCustomAttribute<HostServiceAttribute>() is not { } hosting)
        {
            return Task.FromResult<HostedService?>(null);
        }

        // Off the caller's thread: the early start must not hold up xUnit while the service builds.
        return Task.Run<HostedService?>(async () =>
        {
            try
            {
                return await HostedService.StartAsync(hosting, setups());
            }
            catch (Exception failure) when (failure is not HostingFailedException)
            {
                throw new HostingFailedException(
                    $"The service {hosting.EntryPoint.Assembly.GetName().Name} did not start: {HostingFailedException.OneLine(failure)}");
            }
        });
    }
}
