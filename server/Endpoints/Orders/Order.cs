namespace BddWs.Server.Endpoints.Orders;

/// <summary>An order as the service keeps it and shows it, over HTTP and in events alike.</summary>
/// <param name="Id">Generated when the order is created.</param>
/// <param name="Item">What was ordered.</param>
/// <param name="Quantity">How many, at least 1.</param>
/// <param name="Status">Always <see cref="Created"/>: a cancelled order is deleted.</param>
/// <param name="CreatedAt">When it was created, ISO 8601 in UTC with milliseconds (<c>2026-01-31T09:30:00.000Z</c>).</param>
public sealed record Order(string Id, string Item, int Quantity, string Status, string CreatedAt)
{
    /// <summary>The status of every order the service holds.</summary>
    public const string Created = "created";
}
