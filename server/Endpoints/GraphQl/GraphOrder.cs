namespace BddWs.Server.Endpoints.GraphQl;

/// <summary>An order as the GraphQL schema knows it.</summary>
public sealed record GraphOrder(string Id, string Customer, string Item);
