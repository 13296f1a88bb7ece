using Microsoft.Extensions.DependencyInjection.Extensions;

namespace BddWs.Server.Endpoints.Orders;

/// <summary>
/// A small service in the shape real ones have, for features to specify: log in over HTTP
/// (<see cref="LoginEndpoint"/>), subscribe over WebSocket with the token (<see cref="OrdersSocketEndpoint"/>),
/// create and cancel orders over HTTP (<see cref="OrdersApi"/>) and receive the events. All in memory.
/// </summary>
public static class OrdersService
{
    /// <summary>Reads <see cref="OrdersOptions"/> (a bad value stops the server at start-up) and keeps the tokens, orders and connections.</summary>
    public static IServiceCollection AddOrders(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<OrdersOptions>()
            .Bind(configuration.GetSection(OrdersOptions.Section))
            .Validate(orders => !string.IsNullOrEmpty(orders.Password), "Orders:Password must not be empty: an empty password would let anyone in.")
            .Validate(orders => orders.TokenLifetime >= TimeSpan.FromSeconds(1), "Orders:TokenLifetime must be at least 1 second.")
            .Validate(orders => orders.HeartbeatInterval > TimeSpan.Zero, "Orders:HeartbeatInterval must be longer than 0.")
            .Validate(orders => orders.QueueLimit > 0, "Orders:QueueLimit must be at least 1.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<SessionTokens>();
        services.AddSingleton<OrderStore>();
        services.AddSingleton<OrderFeed>();
        services.AddSingleton<OrderEvents>();
        return services;
    }

    /// <summary>Serves <c>POST /api/login</c>, <c>/api/orders</c> and <c>/orders</c>.</summary>
    public static IEndpointRouteBuilder MapOrders(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapLogin();
        endpoints.MapOrdersApi();
        endpoints.MapOrdersSocket();
        return endpoints;
    }
}
