using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using BddWs.Testing;
using Xunit;

namespace BddWs.Server.Tests.Helpers;

/// <summary>The HTTP side of the orders service as a client uses it: log in, create, show and cancel orders.</summary>
public sealed class OrdersHttp(BundledServer server) : IDisposable
{
    private readonly HttpClient _http = new();

    public Task<HttpAnswer> PostAsync(string path, string body, string? token = null) =>
        SendAsync(HttpMethod.Post, path, token, new StringContent(body, Encoding.UTF8, "application/json"));

    public Task<HttpAnswer> GetAsync(string path, string? token = null) => SendAsync(HttpMethod.Get, path, token);

    public Task<HttpAnswer> DeleteAsync(string path, string? token = null) => SendAsync(HttpMethod.Delete, path, token);

    /// <summary>Logs in as <paramref name="user"/> with the default password and returns the token.</summary>
    public async Task<string> LogInAsync(string user = "ada", string password = "open-sesame")
    {
        var answer = await PostAsync("/api/login", $$"""{"user":"{{user}}","password":"{{password}}"}""");
        if (answer.Status != 200)
        {
            throw new InvalidOperationException($"Login answered {answer.Status}: {answer.Body}");
        }

        using var json = JsonDocument.Parse(answer.Body);
        return json.RootElement.GetProperty("token").GetString()!;
    }

    /// <summary>Creates an order and returns its document as the server wrote it.</summary>
    public async Task<string> CreateOrderAsync(string token, string item = "book", int quantity = 2)
    {
        var answer = await PostAsync("/api/orders", $$"""{"item":"{{item}}","quantity":{{quantity}}}""", token);
        if (answer.Status != 201)
        {
            throw new InvalidOperationException($"Creating an order answered {answer.Status}: {answer.Body}");
        }

        return answer.Body;
    }

    public void Dispose() => _http.Dispose();

    private async Task<HttpAnswer> SendAsync(HttpMethod method, string path, string? token, HttpContent? content = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(server.Http, path)) { Content = content };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await _http.SendAsync(request, TestContext.Current.CancellationToken);
        return new HttpAnswer(
            (int)response.StatusCode,
            await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken),
            response.Headers.Location?.OriginalString,
            response.Headers.WwwAuthenticate.FirstOrDefault()?.ToString(),
            response.Content.Headers.ContentType?.MediaType);
    }
}
