using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace BddWs.Driver.Http;

/// <summary>
/// The HTTP requests of one scenario, beside its WebSocket connections: the headers every request
/// sends (set once, kept for the rest of the scenario until set again), and every exchange, kept
/// in order for the report and the steps that check or remember the last answer. Each request may
/// take the step timeout; one that gets no answer is recorded and throws, naming the URL.
/// A request goes to the server under test, or to a named instance of the service (<see cref="ServiceInstances"/>).
/// Created per scenario by Reqnroll's context injection.
/// </summary>
public sealed partial class ScenarioHttp(HttpTransport transport, ServerUnderTest server, SuiteSettings settings, ServiceInstances instances)
{
    /// <summary>Requests to the server under test only: no instance is named.</summary>
    public ScenarioHttp(HttpTransport transport, ServerUnderTest server, SuiteSettings settings)
        : this(transport, server, settings, new ServiceInstances(settings))
    {
    }

    private readonly object _gate = new();
    private readonly List<HttpExchange> _exchanges = [];
    private readonly List<KeyValuePair<string, string>> _headers = [];

    /// <summary>Every request so far and how it ended, in the order sent.</summary>
    public IReadOnlyList<HttpExchange> Exchanges
    {
        get
        {
            lock (_gate)
            {
                return [.. _exchanges];
            }
        }
    }

    /// <summary>The latest request, answered or not; null before the first.</summary>
    public HttpExchange? Last => Exchanges.LastOrDefault();

    /// <summary>The headers each request of the scenario sends from now on.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers => [.. _headers];

    /// <summary>Every later request sends this header with this value, in place of any value set before.</summary>
    /// <exception cref="ArgumentException">Not a header name, or a value with a line break.</exception>
    public void SetHeader(string name, string value)
    {
        if (!HeaderName().IsMatch(name))
        {
            throw new ArgumentException($"\"{name}\" cannot be an HTTP header name: use letters, digits and - (as in \"X-Request-Id\").");
        }

        if (value.Contains('\r') || value.Contains('\n'))
        {
            throw new ArgumentException($"The value of the HTTP header \"{name}\" cannot hold a line break.");
        }

        _headers.RemoveAll(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase));
        _headers.Add(new(name, value));
    }

    /// <summary>Later requests no longer send this header, set by an earlier step.</summary>
    /// <exception cref="ArgumentException">No earlier step set it: leaving it out would change nothing.</exception>
    public void RemoveHeader(string name)
    {
        if (_headers.RemoveAll(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)) == 0)
        {
            throw new ArgumentException(
                $"The HTTP header \"{name}\" cannot be left out: no step set it{(_headers.Count == 0 ? "" : $" (set: {string.Join(", ", _headers.Select(h => $"\"{h.Key}\""))})")}.");
        }
    }

    /// <summary>
    /// Sends a request to a path or URL (<see cref="HttpAddress"/>) of the server under test, or of
    /// <paramref name="instance"/> when given, and records it with its answer.
    /// </summary>
    /// <exception cref="HttpRequestFailedException">No answer within the step timeout, or none possible; the message says why.</exception>
    /// <exception cref="ArgumentException">No instance of that name; the message names the ones there are.</exception>
    public async Task<HttpExchange> SendAsync(HttpMethod method, string pathOrUrl, HttpBody? body = null, string? instance = null)
    {
        var url = instance is null ? HttpAddress.Resolve(pathOrUrl, settings, server) : HttpAddress.Resolve(pathOrUrl, instances, instance);
        var headers = Headers;
        using var request = Request(method, url, headers, body);
        using var deadline = new CancellationTokenSource(settings.Timeout);
        var sent = Timeline.Now;
        HttpReply? reply = null;
        string? failure = null;
        try
        {
            using var response = await transport.Client.SendAsync(request, deadline.Token);
            var text = await response.Content.ReadAsStringAsync(deadline.Token);
            reply = new HttpReply((int)response.StatusCode, response.ReasonPhrase ?? "", [.. response.Headers.Concat(response.Content.Headers)
                .SelectMany(h => h.Value.Select(v => new KeyValuePair<string, string>(h.Key, v)))], text);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            failure = $"no answer within {Format.Duration(settings.Timeout)}";
        }
        catch (HttpRequestException ex)
        {
            failure = Why(ex, url);
        }

        // The body as sent: a Content-Type header of the scenario's own replaces the step's media type.
        var sentBody = body is null ? null : body with { MediaType = request.Content?.Headers.ContentType?.MediaType ?? body.MediaType };
        var exchange = new HttpExchange(method.Method, url, headers, sentBody, sent, Timeline.Now, reply, failure) { Instance = instance };
        lock (_gate)
        {
            _exchanges.Add(exchange);
        }

        return failure is null ? exchange : throw new HttpRequestFailedException($"{exchange.Request} failed: {failure}.");
    }

    private static HttpRequestMessage Request(HttpMethod method, Uri url, IReadOnlyList<KeyValuePair<string, string>> headers, HttpBody? body)
    {
        var request = new HttpRequestMessage(method, url);
        if (body is not null)
        {
            request.Content = new StringContent(body.Text, Encoding.UTF8, body.MediaType);
        }

        foreach (var (name, value) in headers)
        {
            // Content-Type and its kind belong to the body: a scenario's own replaces the step's, and without a body there is none to send.
            if (!request.Headers.TryAddWithoutValidation(name, value) && request.Content is { } content)
            {
                content.Headers.Remove(name);
                content.Headers.TryAddWithoutValidation(name, value);
            }
        }

        return request;
    }

    private static string Why(HttpRequestException failure, Uri url) => failure.HttpRequestError switch
    {
        HttpRequestError.NameResolutionError => $"the host {url.Host} is unknown",
        HttpRequestError.SecureConnectionError => "the TLS handshake failed (a certificate not trusted, expired or for another host, or no TLS at that address)",
        HttpRequestError.ConnectionError when failure.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionRefused } =>
            "nothing listens there (connection refused)",
        HttpRequestError.ConnectionError => $"the connection failed ({Innermost(failure).Message.TrimEnd('.')})",
        HttpRequestError.ResponseEnded => "the server closed the connection without answering",
        HttpRequestError.InvalidResponse => "the answer is not valid HTTP",
        _ => Innermost(failure).Message.TrimEnd('.'),
    };

    private static Exception Innermost(Exception failure) => failure.InnerException is { } inner ? Innermost(inner) : failure;

    [GeneratedRegex(@"^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$")]
    private static partial Regex HeaderName();
}
