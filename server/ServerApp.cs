using BddWs.Server.Endpoints;
using BddWs.Server.Endpoints.GraphQl;
using BddWs.Server.Endpoints.Hubs;
using BddWs.Server.Endpoints.Orders;
using BddWs.Server.Endpoints.SocketIo;
using BddWs.Server.Hardening;
using BddWs.Server.ScaleOut;

namespace BddWs.Server;

/// <summary>
/// The one way to build the server, shared by <c>dotnet run --project server</c> and by the
/// acceptance suite, which starts the very same app in-process.
/// </summary>
public static class ServerApp
{
    /// <summary>Where the server listens when neither <c>--urls</c> nor <c>ASPNETCORE_URLS</c> says otherwise.</summary>
    public const string DefaultUrl = "http://localhost:8765";

    /// <summary>Builds the app from command-line style arguments (e.g. <c>--urls http://127.0.0.1:0</c>).</summary>
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        if (string.IsNullOrEmpty(builder.Configuration["urls"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        builder.Services.AddGuardedWebSockets(builder.Configuration);
        builder.Services.AddSecure(builder.Configuration);
        builder.Services.AddChat(builder.Configuration);
        builder.Services.AddOrders(builder.Configuration);
        builder.Services.AddHubs();
        builder.Services.AddSocketIo(builder.Configuration);
        builder.Services.AddGraphQl();
        builder.Services.AddScaleOut(builder.Configuration);

        var app = builder.Build();
        app.UseServerHeader();
        app.UseGuardedWebSockets();

        // After the WebSocket admission, so a refused origin or a full server is told so before any token is looked at.
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapHealth();
        app.MapEcho();
        app.MapSecure();
        app.MapChat();
        app.MapJson();
        app.MapStall();
        app.MapOrders();
        app.MapHubs();
        app.MapSocketIo();
        app.MapGraphQl();
        return app;
    }
}
