using System.Reflection;
using BddWs.Driver;

namespace BddWs.Hosting;

/// <summary>
/// The hosted service of this run, started once by whichever asks first (the early start or the
/// <c>BeforeTestRun</c> hook), and stopped after the run. Shared by the whole process, as the run is.
/// What is hosted is the <see cref="HostingAttribute"/> on the suite's assembly, whatever its kind.
/// </summary>
internal static class HostedRun
{
    private static readonly Lock Gate = new();
    private static Task<HostedServer?>? _starting;

    /// <summary>
    /// The started service; null when the suite hosts none or <c>BDDWS_SERVER_URL</c> names another.
    /// The first call starts it; it never throws here: a failure to start is in the task.
    /// </summary>
    public static Task<HostedServer?> StartAsync(Assembly testAssembly) => StartAsync(testAssembly, hosting => hosting.StartAsync(testAssembly));

    /// <summary>As <see cref="StartAsync(Assembly)"/>, started another way (a test's, without the suite's setups).</summary>
    internal static Task<HostedServer?> StartAsync(Assembly testAssembly, Func<HostingAttribute, Task<HostedServer>> start)
    {
        lock (Gate)
        {
            return _starting ??= StartOnceAsync(testAssembly, start);
        }
    }

    /// <summary>The service once started; null before, or when none is hosted.</summary>
    public static HostedServer? Current =>
        Volatile.Read(ref _starting) is { IsCompletedSuccessfully: true } started ? started.Result : null;

    /// <summary>Stops the service if one was started, and lets a later run in this process start another.</summary>
    public static async Task StopAsync()
    {
        Task<HostedServer?>? starting;
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

    private static Task<HostedServer?> StartOnceAsync(Assembly testAssembly, Func<HostingAttribute, Task<HostedServer>> start)
    {
        // The variable as such, not parsed: a bad value is the settings' to report, with its own message.
        var named = testAssembly.GetCustomAttributes<HostingAttribute>().ToList();
        if (!string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(SuiteSettings.ServerUrlVariable)) || named.Count == 0)
        {
            return Task.FromResult<HostedServer?>(null);
        }

        HostingAttribute hosting;
        try
        {
            hosting = TheOne(named);
        }
        catch (HostingFailedException failure)
        {
            return Task.FromException<HostedServer?>(failure);
        }

        // Off the caller's thread: the early start must not hold up xUnit while the service builds.
        return Task.Run<HostedServer?>(async () =>
        {
            HostedServer service;
            try
            {
                service = await start(hosting);
            }
            catch (Exception failure)
            {
                throw HostingFailedException.NotStarted(hosting, failure);
            }

            await WarmUp.RunAsync(service.WebSocketUrl);
            return service;
        });
    }

    /// <summary>The one thing the suite hosts; naming two (a service and an AppHost) is a mistake to say.</summary>
    internal static HostingAttribute TheOne(IReadOnlyList<HostingAttribute> named) =>
        named.Count == 1
            ? named[0]
            : throw new HostingFailedException($"The suite names {named.Count} services to host ({string.Join(", ", named.Select(h => h.Name))}): keep one.");
}
