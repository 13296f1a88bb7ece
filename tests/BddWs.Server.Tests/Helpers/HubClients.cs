using BddWs.Testing;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Xunit;

namespace BddWs.Server.Tests.Helpers;

/// <summary>Microsoft's SignalR client on the bundled server's hubs, WebSockets only, never reconnecting by itself.</summary>
public static class HubClients
{
    /// <summary>A started connection to <paramref name="path"/>; <paramref name="skipNegotiation"/> opens the WebSocket straight away.</summary>
    public static async Task<HubConnection> ConnectAsync(BundledServer server, string path, string? token = null, bool skipNegotiation = false)
    {
        var connection = Build(server, path, token, skipNegotiation);
        await connection.StartAsync(TestContext.Current.CancellationToken);
        return connection;
    }

    /// <summary>A connection not started yet, for tests that watch the start fail.</summary>
    public static HubConnection Build(BundledServer server, string path, string? token = null, bool skipNegotiation = false) =>
        new HubConnectionBuilder()
            .WithUrl(new Uri(server.Http, path), options =>
            {
                options.Transports = HttpTransportType.WebSockets;
                options.SkipNegotiation = skipNegotiation;
                if (token is not null)
                {
                    options.AccessTokenProvider = () => Task.FromResult<string?>(token);
                }
            })
            .Build();
}
