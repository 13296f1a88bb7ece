using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace BddWs.Server.Endpoints.Hubs;

/// <summary>
/// <c>/hubs/orders</c>, the orders service as a SignalR hub, for a token from <c>POST /api/login</c>
/// (<c>?access_token=</c> or <c>Authorization: Bearer</c>, on negotiate and on the WebSocket
/// handshake alike; otherwise 401). Every connection gets <c>OrderCreated(order)</c> and
/// <c>OrderCancelled(id)</c> for orders created and cancelled over HTTP.
/// </summary>
[Authorize(AuthenticationSchemes = SessionTokenAuthentication.SchemeName)]
public sealed class OrdersHub : Hub<IOrdersClient>
{
    /// <summary>Where the hub is served.</summary>
    public const string Path = "/hubs/orders";

    /// <summary>The user the connection's token was issued to.</summary>
    public string WhoAmI() => Context.User?.Identity?.Name ?? "";
}
