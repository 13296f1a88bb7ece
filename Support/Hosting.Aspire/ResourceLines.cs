using System.Globalization;
using System.Text.RegularExpressions;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using BddWs.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace BddWs.Hosting.Aspire;

/// <summary>
/// The resource's console lines as Aspire passes them on (<see cref="ResourceLoggerService"/>), kept in a
/// <see cref="CapturedLog"/> as <c>12:00:01.234 info: Orders.OrderBook[0] the message</c>, and the first
/// line it wrote to its error output, which says why a resource that crashed at start did.
/// </summary>
internal sealed partial class ResourceLines
{
    private readonly TaskCompletionSource<string> _firstError = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public CapturedLog Log { get; } = new();

    /// <summary>The first line written to the error output, once there is one.</summary>
    public Task<string> FirstError => _firstError.Task;

    /// <summary>Keeps the resource's lines until <paramref name="stop"/>; from its first line, replayed by Aspire.</summary>
    public async Task KeepAsync(DistributedApplication app, string resource, CancellationToken stop)
    {
        try
        {
            // Aspire keeps a resource's lines under its running instance's id, known from its first state.
            var first = await app.ResourceNotifications.WaitForResourceAsync(resource, _ => true, stop);
            var lines = app.Services.GetRequiredService<ResourceLoggerService>().WatchAsync(first.ResourceId);
            await foreach (var batch in lines.WithCancellation(stop))
            {
                foreach (var line in batch)
                {
                    Add(line.Content, line.IsErrorMessage);
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The run is over: the lines are no longer needed.
        }
    }

    private void Add(string content, bool isError)
    {
        var text = Colour().Replace(content, "");
        var time = DateTime.Now;
        if (Stamp().Match(text) is { Success: true } stamp)
        {
            time = DateTime.Parse(stamp.Groups[1].Value, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal).ToLocalTime();
            text = text[stamp.Length..];
        }

        Log.Add($"{time:HH:mm:ss.fff} {text}");
        if (isError && !string.IsNullOrWhiteSpace(text))
        {
            _firstError.TrySetResult(UnhandledException().Replace(text.Trim(), ""));
        }
    }

    /// <summary>The time Aspire puts in front of each line: <c>2026-01-01T12:00:01.2340000Z </c>.</summary>
    [GeneratedRegex(@"^(\d{4}-\d\d-\d\dT[\d:.]+Z) ")]
    private static partial Regex Stamp();

    /// <summary>Terminal colour codes, which a console logger writes even into a file.</summary>
    [GeneratedRegex(@"\x1B\[[0-9;]*m")]
    private static partial Regex Colour();

    /// <summary>How .NET begins the reason of a crash: <c>Unhandled exception. System.InvalidOperationException: </c>.</summary>
    [GeneratedRegex(@"^Unhandled exception\. [\w.]+: ")]
    private static partial Regex UnhandledException();
}
