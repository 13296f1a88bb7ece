using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Yarp.ReverseProxy.Forwarder;

namespace BddWs.Cli.Recording.Proxy;

/// <summary>
/// A reverse proxy on YARP that forwards everything it receives to one service, unchanged (HTTP requests
/// and WebSocket upgrades, no X-Forwarded headers; the Host header is the service's), and records the
/// conversation as it passes: each HTTP exchange with its bodies, each WebSocket connection with its
/// whole messages both ways and its close. Bodies and messages are copied as they pass and read off the
/// forwarding path, so recording does not hold the traffic up.
/// </summary>
public sealed class RecordingProxy : IAsyncDisposable
{
    /// <summary>The most kept of one body or one WebSocket message: 1 MB. The session's source says when one was cut.</summary>
    public const int DefaultLimit = 1024 * 1024;

    private readonly WebApplication app;
    private readonly SessionRecorder recorder;
    // Requests in progress: cut at once when the recording stops, so that an open WebSocket does not hold the stop up.
    private readonly ConcurrentDictionary<HttpContext, bool> active;
    private readonly string target;
    private RecordedSession? session;

    private RecordingProxy(WebApplication app, SessionRecorder recorder, ConcurrentDictionary<HttpContext, bool> active, string target, Uri address)
    {
        this.app = app;
        this.recorder = recorder;
        this.active = active;
        this.target = target;
        Address = address;
    }

    /// <summary>Where the proxy listens: http://127.0.0.1:port/.</summary>
    public Uri Address { get; }

    /// <summary>How long nothing passed through the proxy; zero until the first request.</summary>
    public TimeSpan Idle => recorder.Idle;

    /// <summary>
    /// Starts forwarding from <paramref name="listen"/> (port 0: any free one, see <see cref="Address"/>) to
    /// <paramref name="target"/>, an http:// or https:// base URL. <paramref name="log"/> gets a short line per
    /// request and connection as they pass. With <paramref name="record"/> false it only forwards (to
    /// measure what recording costs).
    /// </summary>
    /// <exception cref="RecordingException">The address cannot be listened on.</exception>
    public static async Task<RecordingProxy> StartAsync(Uri target, IPEndPoint listen, Action<string> log, int limit = DefaultLimit, bool record = true, CancellationToken cancel = default)
    {
        var recorder = new SessionRecorder(limit, log);
        var prefix = target.GetLeftPart(UriPartial.Path).TrimEnd('/');
        var active = new ConcurrentDictionary<HttpContext, bool>();
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = null;
            kestrel.Listen(listen);
        });
        builder.Services.AddHttpForwarder();
        var app = builder.Build();
        if (record)
        {
            var middleware = new RecordingMiddleware(recorder, prefix);
            app.Use(async (context, next) =>
            {
                active[context] = true;
                try
                {
                    await middleware.InvokeAsync(context, next);
                }
                finally
                {
                    active.TryRemove(context, out _);
                }
            });
        }

        // No X-Forwarded-* headers: the service sees the client's request as it was sent.
        app.MapForwarder("/{**path}", prefix, ForwarderRequestConfig.Empty, transforms => transforms.UseDefaultForwarders = false);
        try
        {
            await app.StartAsync(cancel);
        }
        catch (IOException bind) when (bind.InnerException is AddressInUseException)
        {
            await app.DisposeAsync();
            throw new RecordingException($"Cannot listen on {listen}: the port is in use.");
        }
        catch (Exception bind) when (bind is IOException or System.Net.Sockets.SocketException)
        {
            await app.DisposeAsync();
            throw new RecordingException($"Cannot listen on {listen}: {bind.Message.TrimEnd('.')}.");
        }

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new RecordingProxy(app, recorder, active, prefix, new Uri(address.EndsWith('/') ? address : address + "/"));
    }

    /// <summary>
    /// Stops forwarding (open connections are cut: they get no close of their own in the session) and
    /// returns everything recorded, in the order it happened.
    /// </summary>
    public async Task<RecordedSession> StopAsync()
    {
        if (session is not null)
        {
            return session;
        }

        recorder.BeginStop();
        foreach (var context in active.Keys)
        {
            context.Abort();
        }

        using (var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(5)))
        {
            await app.StopAsync(deadline.Token);
        }

        session = await recorder.FinishAsync($"proxy to {target}", TimeSpan.FromSeconds(10));
        return session;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await app.DisposeAsync();
    }
}
