using System.Net;
using System.Net.Sockets;
using System.Security.Authentication;

namespace BddWs.Driver;

/// <summary>Turns a failed handshake into an outcome and one line a product owner can act on.</summary>
public static class ConnectionFailure
{
    public static ConnectionAttempt Analyse(Uri url, Exception failure, Handshake? handshake, TimeSpan connectTimeout, WireTap? tap = null)
    {
        var (outcome, reason) = Classify(url, failure, handshake, connectTimeout, tap);
        return new ConnectionAttempt(url, outcome, handshake?.Status, $"Could not connect to {Secrets.Url(url)}: {reason}") { Reason = reason };
    }

    private static (ConnectionOutcome, string) Classify(Uri url, Exception failure, Handshake? handshake, TimeSpan connectTimeout, WireTap? tap)
    {
        if (handshake?.Status is { } status && status != HttpStatusCode.SwitchingProtocols)
        {
            return (ConnectionOutcome.HttpStatus, $"the server answered HTTP {(int)status} {StatusText(status)}{Hint(status)}");
        }

        var chain = Chain(failure).ToList();
        if (chain.OfType<TimeoutException>().Any())
        {
            // Checked first: a cancelled connect also carries a SocketException (OperationAborted).
            return (ConnectionOutcome.TimedOut, TimedOut(connectTimeout));
        }

        if (chain.OfType<SocketException>().FirstOrDefault() is { } socket)
        {
            return socket.SocketErrorCode switch
            {
                SocketError.ConnectionRefused => (ConnectionOutcome.Refused, $"connection refused (is a server listening on {url.Host}:{url.Port}?)"),
                SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain => (ConnectionOutcome.UnknownHost, $"unknown host \"{url.Host}\""),
                SocketError.TimedOut => (ConnectionOutcome.TimedOut, TimedOut(connectTimeout)),
                _ => (ConnectionOutcome.Failed, Format.Clause(socket.Message)),
            };
        }

        if (chain.OfType<AuthenticationException>().FirstOrDefault() is { } tls)
        {
            return (ConnectionOutcome.TlsFailure, $"the TLS handshake failed ({Format.Clause(tls.Message)})");
        }

        if (chain.Any(e => e is OperationCanceledException))
        {
            return (ConnectionOutcome.TimedOut, TimedOut(connectTimeout));
        }

        if (chain.OfType<System.Net.WebSockets.WebSocketException>().Any(e => e.WebSocketErrorCode is System.Net.WebSockets.WebSocketError.HeaderError or System.Net.WebSockets.WebSocketError.UnsupportedProtocol)
            && HandshakeFault.Explain(handshake, tap?.RequestHead) is { } fault)
        {
            return (ConnectionOutcome.HandshakeError, fault);
        }

        // Checked after sockets and TLS, whose failures come wrapped in these too.
        // The sentence ends where the caller puts its own full stop.
        if (chain.Any(e => e is System.Net.WebSockets.WebSocketException or HttpRequestException))
        {
            return (ConnectionOutcome.HandshakeError, chain[^1].Message.TrimEnd('.'));
        }

        return (ConnectionOutcome.Failed, chain[^1].Message.TrimEnd('.'));
    }

    private static string TimedOut(TimeSpan connectTimeout) => $"no answer to the handshake within {Format.Duration(connectTimeout)}";

    private static string Hint(HttpStatusCode status) => status switch
    {
        HttpStatusCode.NotFound => " (is the path right?)",
        HttpStatusCode.Unauthorized => " (credentials missing or rejected)",
        HttpStatusCode.Forbidden => " (access refused)",
        HttpStatusCode.OK or HttpStatusCode.BadRequest => " (the endpoint did not upgrade to WebSocket)",
        _ => "",
    };

    private static string StatusText(HttpStatusCode status) =>
        System.Text.RegularExpressions.Regex.Replace(status.ToString(), "(?<=[a-z])(?=[A-Z])", " ");

    private static IEnumerable<Exception> Chain(Exception? failure)
    {
        for (; failure is not null; failure = failure.InnerException)
        {
            yield return failure;
        }
    }
}
