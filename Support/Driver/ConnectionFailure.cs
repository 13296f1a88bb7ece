using System.Net;
using System.Net.Sockets;
using System.Security.Authentication;

namespace BddWs.Specs.Support.Driver;

/// <summary>Turns a failed handshake into one line a product owner can act on.</summary>
public static class ConnectionFailure
{
    public static string Describe(Uri url, Exception failure, Handshake? handshake, TimeSpan connectTimeout) =>
        $"Could not connect to {url}: {Reason(url, failure, handshake, connectTimeout)}";

    private static string Reason(Uri url, Exception failure, Handshake? handshake, TimeSpan connectTimeout)
    {
        if (handshake?.Status is { } status && status != HttpStatusCode.SwitchingProtocols)
        {
            return $"the server answered HTTP {(int)status} {StatusText(status)}{Hint(status)}";
        }

        var chain = Chain(failure).ToList();
        if (chain.OfType<SocketException>().FirstOrDefault() is { } socket)
        {
            return socket.SocketErrorCode switch
            {
                SocketError.ConnectionRefused => $"connection refused (is a server listening on {url.Host}:{url.Port}?)",
                SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain => $"unknown host \"{url.Host}\"",
                SocketError.TimedOut => $"no answer within {Format.Duration(connectTimeout)}",
                _ => socket.Message,
            };
        }

        if (chain.OfType<AuthenticationException>().FirstOrDefault() is { } tls)
        {
            return $"the TLS handshake failed ({tls.Message})";
        }

        if (chain.Any(e => e is OperationCanceledException or TimeoutException))
        {
            return $"no answer within {Format.Duration(connectTimeout)}";
        }

        return chain[^1].Message;
    }

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
