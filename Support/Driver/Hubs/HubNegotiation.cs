using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using BddWs.Driver.Json;

namespace BddWs.Driver.Hubs;

/// <summary>
/// SignalR's negotiate request (<c>POST {hub}/negotiate?negotiateVersion=1</c>), made before every
/// hub connection as Microsoft's clients make it: it tells the connection token the WebSocket must
/// name (<c>id=</c>) and whether the server offers WebSockets at all. There is no fallback: a server
/// that offers only server-sent events or long polling, answers an error, or redirects to another
/// service (Azure SignalR Service's <c>url</c> and <c>accessToken</c>) is refused in one line.
/// </summary>
public static class HubNegotiation
{
    /// <summary>
    /// The query the WebSocket adds: <c>id</c> from the negotiation, <c>access_token</c> when a token is given.
    /// </summary>
    /// <exception cref="ConnectionFailedException">The negotiation did not allow a WebSocket connection; the message says why.</exception>
    public static async Task<IReadOnlyList<KeyValuePair<string, string>>> NegotiateAsync(
        HttpClient http, Uri hubUrl, ConnectionOptions options, string? accessToken, TimeSpan timeout)
    {
        var negotiate = NegotiateUrl(hubUrl);
        using var request = new HttpRequestMessage(HttpMethod.Post, negotiate);
        foreach (var (header, value) in options.Headers)
        {
            request.Headers.TryAddWithoutValidation(header, value);
        }

        if (accessToken is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        }

        using var deadline = new CancellationTokenSource(timeout);
        HttpStatusCode status;
        string body;
        try
        {
            using var response = await http.SendAsync(request, deadline.Token);
            status = response.StatusCode;
            body = await response.Content.ReadAsStringAsync(deadline.Token);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            throw Refused(hubUrl, $"no answer to the negotiation (POST {Secrets.Url(negotiate)}) within {Format.Duration(timeout)}");
        }
        catch (HttpRequestException ex)
        {
            throw Refused(hubUrl, $"the negotiation (POST {Secrets.Url(negotiate)}) failed: {ex.Message.TrimEnd('.')}");
        }

        var connectionToken = Read(hubUrl, negotiate, status, body);
        List<KeyValuePair<string, string>> query = [new("id", connectionToken)];
        if (accessToken is not null)
        {
            query.Add(new("access_token", accessToken));
        }

        return query;
    }

    private static Uri NegotiateUrl(Uri hubUrl)
    {
        var http = new UriBuilder(hubUrl) { Scheme = hubUrl.Scheme == "wss" ? Uri.UriSchemeHttps : Uri.UriSchemeHttp };
        http.Path = http.Path.TrimEnd('/') + "/negotiate";
        var existing = hubUrl.Query.TrimStart('?');
        http.Query = existing.Length == 0 ? "negotiateVersion=1" : $"{existing}&negotiateVersion=1";
        return http.Uri;
    }

    private static string Read(Uri hubUrl, Uri negotiate, HttpStatusCode status, string body)
    {
        if (status != HttpStatusCode.OK)
        {
            var hint = status switch
            {
                HttpStatusCode.Unauthorized => " (credentials missing or rejected)",
                HttpStatusCode.NotFound => " (is the path right?)",
                _ => "",
            };
            throw Refused(hubUrl, $"the negotiation (POST {Secrets.Url(negotiate)}) was answered with HTTP {(int)status}{hint}", status);
        }

        JsonObject answer;
        try
        {
            answer = JsonNode.Parse(body) as JsonObject ?? throw new JsonException();
        }
        catch (JsonException)
        {
            throw Refused(hubUrl, $"the negotiation was answered with something other than a JSON object: {Format.Quoted(body)}");
        }

        if (answer["error"] is { } error)
        {
            throw Refused(hubUrl, $"the negotiation was answered with the error {Format.Quoted(JsonText.Of(error))}");
        }

        if (answer["url"] is { } redirect)
        {
            throw Refused(hubUrl, $"the negotiation redirects to {Format.Quoted(JsonText.Of(redirect))} (a SignalR service in front of the hub); this suite connects to a hub directly and does not follow redirects");
        }

        var transports = (answer["availableTransports"] as JsonArray ?? [])
            .Select(t => t?["transport"] is { } name ? JsonText.Of(name) : "").Where(t => t.Length > 0).ToList();
        if (!transports.Contains("WebSockets"))
        {
            var offered = transports.Count == 0 ? "no transport" : string.Join(", ", transports);
            throw Refused(hubUrl, $"the server does not offer WebSockets for this hub (it offers {offered}); this suite speaks to hubs over WebSockets only");
        }

        // Version 1 of negotiation names the connection by its token; version 0 by its id.
        return answer["connectionToken"] is { } token ? JsonText.Of(token)
            : answer["connectionId"] is { } id ? JsonText.Of(id)
            : throw Refused(hubUrl, "the negotiation gave no connectionToken or connectionId");
    }

    private static ConnectionFailedException Refused(Uri hubUrl, string reason, HttpStatusCode? status = null) =>
        new(new ConnectionAttempt(hubUrl, status is null ? ConnectionOutcome.Failed : ConnectionOutcome.HttpStatus, status,
            $"Could not connect to the hub {Secrets.Url(hubUrl)}: {reason}") { Reason = reason });
}
