using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using BddWs.Hosting;

namespace BddWs.Hosting.Aspire;

/// <summary>
/// Waits until the resource answers at its endpoint, or stops. Aspire calls a resource without health
/// checks healthy as soon as its process runs, before the service listens, and one that crashes while
/// starting looks healthy for that moment; an answer (any HTTP status) is what a scenario needs.
/// </summary>
internal static class ResourceAnswer
{
    /// <summary>How long to wait before asking again when the endpoint did not answer yet.</summary>
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(100);

    /// <summary>How long one request may take before it is asked again.</summary>
    private static readonly TimeSpan AttemptLimit = TimeSpan.FromSeconds(10);

    /// <summary>Returns once the endpoint answered; throws <see cref="HostingFailedException"/> (reason to be filled in) when the resource stopped.</summary>
    public static async Task WaitAsync(DistributedApplication app, string resource, Uri address, CancellationToken deadline)
    {
        using var done = CancellationTokenSource.CreateLinkedTokenSource(deadline);
        var stopped = app.ResourceNotifications.WaitForResourceAsync(resource, KnownResourceStates.TerminalStates, done.Token);
        // Any certificate: only whether it answers counts here, and a development certificate may not be trusted.
        using var handler = new HttpClientHandler { ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator };
        using var http = new HttpClient(handler);
        try
        {
            while (!stopped.IsCompleted)
            {
                // Aspire's proxy takes the connection before the service listens, so an attempt may hang: it
                // gives way when the resource stops, and gives up after a while to ask again.
                using var attempt = CancellationTokenSource.CreateLinkedTokenSource(deadline);
                attempt.CancelAfter(AttemptLimit);
                var asking = http.GetAsync(address, HttpCompletionOption.ResponseHeadersRead, attempt.Token);
                if (await Task.WhenAny(asking, stopped) == asking)
                {
                    try
                    {
                        using var answer = await asking;
                        return;
                    }
                    catch (Exception ex) when (ex is HttpRequestException || (ex is OperationCanceledException && !deadline.IsCancellationRequested))
                    {
                        // Not listening yet: ask again, unless it stopped meanwhile.
                    }
                }
                else
                {
                    await attempt.CancelAsync();
                    await asking.ContinueWith(_ => { }, TaskScheduler.Default);
                    break;
                }

                await Task.WhenAny(stopped, Task.Delay(Pause, deadline));
                deadline.ThrowIfCancellationRequested();
            }

            throw new ResourceStoppedException();
        }
        finally
        {
            await done.CancelAsync();
            await stopped.ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }
}
