namespace BddWs.Server.ScaleOut;

/// <summary>What the sender of something the other instances could not be told is told instead, word for word.</summary>
public static class NotDelivered
{
    /// <summary>A text message to a <c>/chat</c> member whose message reached the members on this instance only.</summary>
    public const string ChatMessage = "Your message was not delivered to the other instances of the service: Redis cannot be reached.";

    /// <summary>The error of a hub method whose messages Redis could not carry (a hub's messages all go through Redis).</summary>
    public const string HubMessage = "not delivered: the service cannot reach Redis, which carries messages between its instances";

    /// <summary>The error of <c>POST /api/orders</c> when the other instances could not hear of the order.</summary>
    public const string OrderCreated = "the order was not created: the service cannot reach Redis, which carries its events to the other instances";

    /// <summary>The error of <c>DELETE /api/orders/{id}</c> when the other instances could not hear of the cancellation.</summary>
    public const string OrderCancelled = "the order was not cancelled: the service cannot reach Redis, which carries its events to the other instances";
}
