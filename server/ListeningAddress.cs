using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;

namespace BddWs.Server;

/// <summary>Where a started app really listens: with port 0 the OS chose the port, and only the server knows it.</summary>
public static class ListeningAddress
{
    /// <summary>The first address the started app listens on, such as <c>http://127.0.0.1:41377</c>.</summary>
    public static Uri BaseAddress(this WebApplication app) =>
        new(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());

    /// <summary>The same address as a WebSocket URL with the given path: <c>ws://127.0.0.1:41377/ws</c> (wss for https).</summary>
    public static Uri WebSocketUrl(this WebApplication app, string path)
    {
        var address = app.BaseAddress();
        return new Uri(new UriBuilder(address) { Scheme = address.Scheme == "https" ? "wss" : "ws" }.Uri, path);
    }
}
