using System.Collections.Concurrent;
using System.Net;
using BddWs.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace BddWs.Testing;

/// <summary>
/// An HTTP server that answers every request as a test says, on a free loopback port: the wrong
/// answer an HTTP step must catch. It keeps each request it received, so a test can check what
/// the suite sent.
/// </summary>
public sealed class HttpFake : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ReceivedRequest> _received;

    private HttpFake(WebApplication app, ConcurrentQueue<ReceivedRequest> received)
    {
        _app = app;
        _received = received;
        Url = app.BaseAddress();
    }

    /// <summary>Where it listens: <c>http://127.0.0.1:port/</c>.</summary>
    public Uri Url { get; }

    /// <summary>The requests received so far, in order.</summary>
    public IReadOnlyList<ReceivedRequest> Received => [.. _received];

    /// <summary>Starts a server whose every answer is written by <paramref name="answer"/>.</summary>
    public static async Task<HttpFake> StartAsync(Func<HttpContext, Task> answer)
    {
        var received = new ConcurrentQueue<ReceivedRequest>();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.Run(async context =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync(context.RequestAborted);
            received.Enqueue(new ReceivedRequest(
                context.Request.Method,
                context.Request.Path + context.Request.QueryString,
                context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
                body));
            await answer(context);
        });
        await app.StartAsync();
        return new HttpFake(app, received);
    }

    /// <summary>A server answering every request with this status, body and content type (and any headers given).</summary>
    public static Task<HttpFake> AnsweringAsync(int status, string body = "", string contentType = "application/json", params (string Name, string Value)[] headers) =>
        StartAsync(async context =>
        {
            context.Response.StatusCode = status;
            foreach (var (name, value) in headers)
            {
                context.Response.Headers.Append(name, value);
            }

            if (body.Length > 0)
            {
                context.Response.ContentType = contentType;
                await context.Response.WriteAsync(body);
            }
        });

    /// <summary>A server that reads each request and never answers it, until the client gives up.</summary>
    public static Task<HttpFake> NeverAnsweringAsync() => StartAsync(async context =>
    {
        var givenUp = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var registration = context.RequestAborted.Register(() => givenUp.TrySetResult());
        await givenUp.Task;
    });

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
