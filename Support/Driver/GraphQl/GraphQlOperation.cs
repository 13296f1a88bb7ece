namespace BddWs.Driver.GraphQl;

/// <summary>
/// An operation the client started on a GraphQL connection: a subscription under the name the scenario gave
/// it, or a query or mutation run once. <see cref="Taken"/> counts the results "next result" sentences have
/// judged, so each judges the one after.
/// </summary>
public sealed class GraphQlOperation(string connectionName, string id, string name, string shown)
{
    /// <summary>The connection it runs on.</summary>
    public string ConnectionName { get; } = connectionName;

    /// <summary>The client's id for it, which every answer carries.</summary>
    public string Id { get; } = id;

    /// <summary>The scenario's name for it: a subscription's name, or <c>the operation</c>.</summary>
    public string Name { get; } = name;

    /// <summary><c>OrderPlaced(customer: "ada")</c>.</summary>
    public string Shown { get; } = shown;

    /// <summary>How many of its results sentences have judged so far.</summary>
    public int Taken { get; private set; }

    /// <summary>How failures speak of it: <c>the subscription "orders" (OrderPlaced(customer: "ada") #1)</c>.</summary>
    public string Described => Name == ScenarioGraphQl.RunName ? $"the operation {Shown} #{Id}" : $"the subscription {Format.Quoted(Name)} ({Shown} #{Id})";

    /// <summary>One more result judged.</summary>
    public void Take() => Taken++;
}
