using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace BddWs.RecordCheck;

/// <summary>
/// What an app does with the orders service, scripted: logs in over HTTP, opens <c>/orders</c> with the
/// token, subscribes, creates an order and cancels it over HTTP, and hears both events. Each wait has a
/// deadline; a step that does not happen fails the session with what was missing.
/// </summary>
public static class OrdersSession
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    public static async Task<int> RunAsync(Uri baseUrl)
    {
        using var http = new HttpClient { BaseAddress = baseUrl, Timeout = Deadline };
        using var login = await http.PostAsJsonAsync("/api/login", new { user = "ada", password = "open-sesame" });
        login.EnsureSuccessStatusCode();
        var token = (await login.Content.ReadFromJsonAsync<JsonObject>())!["token"]!.GetValue<string>();
        http.DefaultRequestHeaders.Authorization = new("Bearer", token);
        Console.WriteLine("logged in");

        using var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("Authorization", $"Bearer {token}");
        await socket.ConnectAsync(new UriBuilder(new Uri(baseUrl, "/orders")) { Scheme = baseUrl.Scheme == "https" ? "wss" : "ws" }.Uri, Cancel());
        await ExpectAsync(socket, "welcome");
        await SendAsync(socket, """{"type":"subscribe","topic":"orders","requestId":"subscription"}""");
        await ExpectAsync(socket, "subscribed");
        Console.WriteLine("subscribed");

        using var created = await http.PostAsJsonAsync("/api/orders", new { item = "book", quantity = 2 });
        created.EnsureSuccessStatusCode();
        var id = (await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
        await ExpectAsync(socket, "order.created");
        Console.WriteLine($"order {id} created and announced");

        using var cancelled = await http.DeleteAsync($"/api/orders/{id}");
        cancelled.EnsureSuccessStatusCode();
        await ExpectAsync(socket, "order.cancelled");
        Console.WriteLine($"order {id} cancelled and announced");

        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", Cancel());
        return 0;
    }

    private static CancellationToken Cancel() => new CancellationTokenSource(Deadline).Token;

    private static Task SendAsync(WebSocket socket, string json) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, true, Cancel());

    /// <summary>Reads until a message of <paramref name="type"/> arrives (heartbeats and others pass by).</summary>
    private static async Task ExpectAsync(WebSocket socket, string type)
    {
        var cancel = Cancel();
        var buffer = new byte[64 * 1024];
        while (true)
        {
            using var message = new MemoryStream();
            WebSocketReceiveResult received;
            do
            {
                try
                {
                    received = await socket.ReceiveAsync(buffer, cancel);
                }
                catch (OperationCanceledException)
                {
                    throw new TimeoutException($"no {type} message within {Deadline.TotalSeconds} s");
                }

                message.Write(buffer, 0, received.Count);
            }
            while (!received.EndOfMessage);

            if (received.MessageType == WebSocketMessageType.Close)
            {
                throw new InvalidOperationException($"the service closed /orders ({socket.CloseStatus} {socket.CloseStatusDescription}) before {type}");
            }

            using var document = JsonDocument.Parse(message.ToArray());
            if (document.RootElement.GetProperty("type").GetString() == type)
            {
                return;
            }
        }
    }
}
