using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using BddWs.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BddWs.Hosting.Aspire;

/// <summary>
/// A team's AppHost started for the run, its resource under test running, and that resource's console
/// lines kept (the <see cref="HostedServer.Log"/>) so a failed scenario can show them. The resource runs
/// in a process of its own, started by Aspire's orchestrator; only its address and its output reach the run.
/// </summary>
public sealed class AppHostRun : HostedServer
{
    /// <summary>How long a crashed resource's reason may take to come through after Aspire said it stopped.</summary>
    private static readonly TimeSpan ReasonDeadline = TimeSpan.FromSeconds(3);

    private readonly DistributedApplication _app;
    private readonly CancellationTokenSource _stopWatching;
    private readonly Task _watching;

    private AppHostRun(DistributedApplication app, Uri baseAddress, HostAppHostAttribute hosting, CapturedLog log, CancellationTokenSource stopWatching, Task watching)
        : base(baseAddress, hosting, log) => (_app, _stopWatching, _watching) = (app, stopWatching, watching);

    /// <summary>Starts the AppHost and waits for the resource; a failure is a <see cref="HostingFailedException"/> in one line.</summary>
    public static Task<AppHostRun> StartAsync(HostAppHostAttribute hosting) => StartAsync(hosting, []);

    /// <summary>As <see cref="StartAsync(HostAppHostAttribute)"/>, with arguments for the AppHost (a test's).</summary>
    internal static async Task<AppHostRun> StartAsync(HostAppHostAttribute hosting, string[] args)
    {
        if (string.IsNullOrWhiteSpace(hosting.Resource))
        {
            throw new HostingFailedException($"The AppHost {hosting.AppHostName} is named without the resource to test: add Resource = \"<its name in the AppHost>\".");
        }

        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(hosting.TimeoutSeconds));
        try
        {
            return await StartAsync(hosting, args, deadline);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            throw new HostingFailedException($"The {hosting.Name} did not start: the AppHost was not running after {hosting.TimeoutSeconds} seconds.");
        }
    }

    private static async Task<AppHostRun> StartAsync(HostAppHostAttribute hosting, string[] args, CancellationTokenSource deadline)
    {
        var builder = await DistributedApplicationTestingBuilder.CreateAsync(hosting.AppHost, args, deadline.Token);
        // The AppHost's own progress lines would fill the run's output; its warnings still say what went wrong.
        builder.Services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        if (builder.Resources.FirstOrDefault(r => string.Equals(r.Name, hosting.Resource, StringComparison.OrdinalIgnoreCase)) is not { } resource)
        {
            var names = string.Join(", ", builder.Resources.Where(IsShown).Select(r => r.Name));
            await builder.DisposeAsync();
            throw new HostingFailedException($"The AppHost {hosting.AppHostName} has no resource named \"{hosting.Resource}\" (it has: {names}).");
        }

        if (resource is IResourceWithEnvironment withEnvironment)
        {
            // One line per log entry, without colour codes, as a failed scenario shows them.
            builder.CreateResourceBuilder(withEnvironment)
                .WithEnvironment("Logging__Console__FormatterOptions__SingleLine", "true")
                .WithEnvironment("Logging__Console__FormatterOptions__ColorBehavior", "Disabled");
        }

        var app = await builder.BuildAsync(deadline.Token);
        var lines = new ResourceLines();
        var stopWatching = new CancellationTokenSource();
        var watching = lines.KeepAsync(app, resource.Name, stopWatching.Token);
        try
        {
            await app.StartAsync(deadline.Token);
            await app.ResourceNotifications.WaitForResourceHealthyAsync(resource.Name, WaitBehavior.StopOnResourceUnavailable, deadline.Token);
            var address = app.GetEndpoint(resource.Name, hosting.Endpoint);
            await ResourceAnswer.WaitAsync(app, resource.Name, address, deadline.Token);
            return new AppHostRun(app, address, hosting, lines.Log, stopWatching, watching);
        }
        catch (Exception failure)
        {
            var why = deadline.IsCancellationRequested
                ? $"it was not running after {hosting.TimeoutSeconds} seconds{StateOf(app, resource.Name)}."
                : await WhyAsync(app, resource.Name, lines, failure);
            await StopAsync(app, stopWatching, watching);
            throw new HostingFailedException($"The {hosting.Name} did not start: {why}");
        }
    }

    public override ValueTask DisposeAsync() => new(StopAsync(_app, _stopWatching, _watching));

    private static async Task StopAsync(DistributedApplication app, CancellationTokenSource stopWatching, Task watching)
    {
        await stopWatching.CancelAsync();
        await watching;
        await app.DisposeAsync();
        stopWatching.Dispose();
    }

    /// <summary>Whether a resource is one of the team's, not one Aspire adds for itself (a project's rebuilder).</summary>
    private static bool IsShown(IResource resource) =>
        !resource.Annotations.OfType<HiddenAnnotation>().Any()
        && !resource.Annotations.OfType<ResourceSnapshotAnnotation>().Any(a => a.InitialSnapshot.IsHidden);

    /// <summary>The resource's state in words, when Aspire knows it: <c> (its state: Starting)</c>.</summary>
    private static string StateOf(DistributedApplication app, string resource) =>
        app.ResourceNotifications.TryGetCurrentState(resource, out var current) && current.Snapshot.State?.Text is { Length: > 0 } state
            ? $" (its state: {state})"
            : "";

    /// <summary>
    /// Why the resource did not run: its exit code and the first line it wrote to its error output, which
    /// for a .NET service that crashed at start is the exception's message; else what Aspire said.
    /// </summary>
    private static async Task<string> WhyAsync(DistributedApplication app, string resource, ResourceLines lines, Exception failure)
    {
        var exited = app.ResourceNotifications.TryGetCurrentState(resource, out var current) && current.Snapshot.ExitCode is { } code
            ? $"it stopped with exit code {code}"
            : null;
        // The line comes from another process a moment after the exit: waited for, up to a deadline.
        string? reason;
        try
        {
            reason = await lines.FirstError.WaitAsync(ReasonDeadline);
        }
        catch (TimeoutException)
        {
            reason = null;
        }

        return (exited, reason) switch
        {
            (not null, not null) => $"{exited}: {reason}",
            (not null, null) => $"{exited}.",
            (null, not null) => reason,
            _ => HostingFailedException.OneLine(failure),
        };
    }
}
