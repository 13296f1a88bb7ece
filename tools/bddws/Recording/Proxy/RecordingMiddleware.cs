using System.Net.Http;
using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;
using Yarp.ReverseProxy.Forwarder;

namespace BddWs.Cli.Recording.Proxy;

/// <summary>
/// Around the forwarder, for every request: copies the bodies' first bytes as they pass, taps a WebSocket
/// upgrade, and once the exchange is over records it (off the response's path: the client has its
/// response by then). A request the service never answered (it cannot be reached) is not recorded; the
/// console says why the client got 502.
/// </summary>
internal sealed class RecordingMiddleware(SessionRecorder recorder, string target)
{
    private int unreachable;

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var at = recorder.Passed();
        var request = context.Request;
        var url = new Uri(request.GetEncodedUrl());
        var requestHeaders = HeadersOf(request.Headers);
        string? connection = null;
        if (context.Features.Get<IHttpUpgradeFeature>() is { IsUpgradableRequest: true } upgrade
            && string.Equals(request.Headers.Upgrade, "websocket", StringComparison.OrdinalIgnoreCase))
        {
            context.Features.Set<IHttpUpgradeFeature>(new RecordingUpgradeFeature(upgrade, context, recorder, name =>
            {
                connection = name;
                var socketUrl = new UriBuilder(url) { Scheme = url.Scheme == Uri.UriSchemeHttps ? "wss" : "ws" }.Uri;
                var subprotocol = context.Response.Headers.SecWebSocketProtocol.ToString();
                recorder.Add(new WebSocketOpened(at, name, socketUrl, requestHeaders, subprotocol.Length == 0 ? null : subprotocol));
                recorder.Log($"WebSocket {name} {request.Path}{(subprotocol.Length == 0 ? "" : $" ({subprotocol})")} opened");
            }));
        }

        var requestBody = new BodyCapture(recorder.Limit);
        var responseBody = new BodyCapture(recorder.Limit);
        request.Body = new CapturingStream(request.Body, requestBody, () => recorder.Passed());
        context.Response.Body = new CapturingStream(context.Response.Body, responseBody, () => recorder.Passed());

        await next(context);
        recorder.Passed();

        // The service never answered: YARP answered 502 (or 504) itself.
        if (context.Features.Get<IForwarderErrorFeature>() is { Error: ForwarderError.Request or ForwarderError.RequestTimedOut } failure)
        {
            if (Interlocked.Exchange(ref unreachable, 1) == 0)
            {
                recorder.Log($"The service at {target} cannot be reached ({Why(failure.Exception)}): the client got {context.Response.StatusCode}; nothing is recorded until it answers.");
            }

            return;
        }

        Interlocked.Exchange(ref unreachable, 0);
        if (connection is not null)
        {
            return;
        }

        if (requestBody.Cut || responseBody.Cut)
        {
            recorder.NoteCut();
        }

        var responseHeaders = HeadersOf(context.Response.Headers);
        var binary = !IsText(request.Headers, requestBody) || !IsText(context.Response.Headers, responseBody);
        recorder.Add(new HttpExchange(
            at,
            request.Method,
            url,
            requestHeaders,
            Body(requestBody, binary),
            context.Response.StatusCode,
            responseHeaders,
            Body(responseBody, binary),
            binary));
        recorder.Log($"{request.Method} {request.Path}{request.QueryString} {context.Response.StatusCode}");
    }

    private static string Why(Exception? exception) => exception switch
    {
        null => "no answer",
        SocketException socket => socket.Message.TrimEnd('.'),
        HttpRequestException { InnerException: { } inner } => Why(inner),
        _ => exception.Message.TrimEnd('.'),
    };

    private static List<RecordedHeader> HeadersOf(IHeaderDictionary headers) =>
        [.. headers.SelectMany(h => h.Value.Select(v => new RecordedHeader(h.Key, v ?? "")))];

    private static string? Body(BodyCapture body, bool base64) =>
        body.Length == 0 ? null : base64 ? Convert.ToBase64String(body.Bytes) : Encoding.UTF8.GetString(body.Bytes);

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>A body recorded as text: no content coding, a textual media type (or none), valid UTF-8.</summary>
    private static bool IsText(IHeaderDictionary headers, BodyCapture body)
    {
        if (body.Length == 0)
        {
            return true;
        }

        if (headers.ContentEncoding.Count > 0 && !headers.ContentEncoding.All(e => string.Equals(e, "identity", StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }

        var type = headers.ContentType.ToString();
        if (type.Length > 0 && MediaTypeHeaderValue.TryParse(type, out var media))
        {
            var name = media.MediaType.Value ?? "";
            var textual = name.StartsWith("text/", StringComparison.OrdinalIgnoreCase)
                || name.EndsWith("json", StringComparison.OrdinalIgnoreCase)
                || name.EndsWith("xml", StringComparison.OrdinalIgnoreCase)
                || name.Contains("javascript", StringComparison.OrdinalIgnoreCase)
                || name.Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase)
                || name.Equals("application/graphql", StringComparison.OrdinalIgnoreCase);
            if (!textual)
            {
                return false;
            }
        }

        try
        {
            // A body cut at the limit may end inside a character: only what is whole is checked.
            var bytes = body.Bytes;
            if (body.Cut)
            {
                bytes = bytes[..Math.Max(0, bytes.Length - 3)];
            }

            StrictUtf8.GetCharCount(bytes);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}
