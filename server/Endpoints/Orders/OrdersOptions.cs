namespace BddWs.Server.Endpoints.Orders;

/// <summary>Settings of the orders service, from the configuration section <c>Orders</c> (e.g. <c>--Orders:Password=x</c>).</summary>
public sealed class OrdersOptions
{
    /// <summary>The configuration section these settings are read from.</summary>
    public const string Section = "Orders";

    /// <summary>The password that logs in any user: a demo service, so one shared password is enough.</summary>
    public string Password { get; set; } = "open-sesame";

    /// <summary>How long a token from <c>POST /api/login</c> is accepted (its <c>expiresIn</c>, in whole seconds).</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How often every <c>/orders</c> connection gets a heartbeat message.</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// How many messages (events, heartbeats, replies) may wait for one connection that is not
    /// reading; a connection further behind is dropped, so it cannot hold up others or fill memory.
    /// </summary>
    public int QueueLimit { get; set; } = 256;
}
