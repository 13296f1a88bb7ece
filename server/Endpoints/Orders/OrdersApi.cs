using BddWs.Server.Endpoints.Hubs;
using BddWs.Server.Hardening;
using BddWs.Server.ScaleOut;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace BddWs.Server.Endpoints.Orders;

/// <summary>
/// <c>/api/orders</c>, behind a token from <see cref="LoginEndpoint"/> (401 without one): <c>POST</c>
/// <c>{"item":"book","quantity":2}</c> creates an order (201, <c>Location</c>, the order) and
/// publishes <c>order.created</c> (and <c>OrderCreated</c> on <c>/hubs/orders</c>); <c>GET /api/orders/{id}</c> shows it (or 404); <c>DELETE</c>
/// removes it (204, or 404) and publishes <c>order.cancelled</c> (<c>OrderCancelled</c> on the hub).
/// </summary>
public static class OrdersApi
{
    /// <summary>Where orders are created; each order is at <c>Path/{id}</c>.</summary>
    public const string Path = "/api/orders";

    /// <summary>The longest item name, in characters.</summary>
    public const int MaxItemLength = 200;

    /// <summary>The largest quantity of one order.</summary>
    public const int MaxQuantity = 10_000;

    /// <summary>Serves the orders at <see cref="Path"/>.</summary>
    public static IEndpointRouteBuilder MapOrdersApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(Path, CreateAsync);
        endpoints.MapGet(Path + "/{id}", Show);
        endpoints.MapDelete(Path + "/{id}", CancelAsync);
        return endpoints;
    }

    private static async Task<IResult> CreateAsync(
        HttpContext context, SessionTokens tokens, OrderStore store, OrderEvents events, IHubContext<OrdersHub, IOrdersClient> hub, IOptions<LimitsOptions> limits)
    {
        if (tokens.UserOf(context.Request) is null)
        {
            return ApiResults.Unauthorized(context);
        }

        using var body = await JsonBody.ReadAsync(context.Request, limits.Value.MaxMessageBytes);
        if (body.Rejection is { } rejection)
        {
            return rejection;
        }

        if (JsonFields.String(body.Object, "item") is not { Length: > 0 and <= MaxItemLength } item)
        {
            return ApiResults.Error(StatusCodes.Status400BadRequest, $"item must be a text of 1 to {MaxItemLength} characters");
        }

        if (JsonFields.Integer(body.Object, "quantity", 1, MaxQuantity) is not { } quantity)
        {
            return ApiResults.Error(StatusCodes.Status400BadRequest, $"quantity must be a whole number from 1 to {MaxQuantity}");
        }

        var order = store.Create(item, quantity);
        if (!await events.CreatedAsync(order))
        {
            store.Remove(order.Id);
            return ApiResults.Error(StatusCodes.Status503ServiceUnavailable, NotDelivered.OrderCreated);
        }

        // Not awaited: a hub client that does not read must not hold up the answer (SignalR drops it in time).
        _ = hub.Clients.All.OrderCreated(order);
        context.Response.Headers.Location = $"{Path}/{order.Id}";
        return ApiResults.Json(StatusCodes.Status201Created, CompactJson.OrderDocument(order));
    }

    private static IResult Show(string id, HttpContext context, SessionTokens tokens, OrderStore store)
    {
        if (tokens.UserOf(context.Request) is null)
        {
            return ApiResults.Unauthorized(context);
        }

        return store.Find(id) is { } order
            ? ApiResults.Json(StatusCodes.Status200OK, CompactJson.OrderDocument(order))
            : NotFound(id);
    }

    private static async Task<IResult> CancelAsync(
        string id, HttpContext context, SessionTokens tokens, OrderStore store, OrderEvents events, IHubContext<OrdersHub, IOrdersClient> hub)
    {
        if (tokens.UserOf(context.Request) is null)
        {
            return ApiResults.Unauthorized(context);
        }

        if (store.Find(id) is not { } order || !store.Remove(id))
        {
            return NotFound(id);
        }

        if (!await events.CancelledAsync(id))
        {
            store.Keep(order);
            return ApiResults.Error(StatusCodes.Status503ServiceUnavailable, NotDelivered.OrderCancelled);
        }

        _ = hub.Clients.All.OrderCancelled(id);
        return Results.NoContent();
    }

    private static IResult NotFound(string id) => ApiResults.Error(StatusCodes.Status404NotFound, $"no order with id {id}");
}
