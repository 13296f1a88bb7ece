namespace BddWs.Server.Endpoints.Orders;

/// <summary>An order event on its way to the other instances: the order created, or the id of the order cancelled.</summary>
public sealed record OrderTravel(Order? Created, string? CancelledId);
