using GraphQL;
using GraphQL.Types;

namespace BddWs.Server.Endpoints.GraphQl;

/// <summary>
/// The bundled GraphQL schema (tools/graphql-server serves the same one):
/// <code>
/// type Query { order(id: ID!): Order }
/// type Mutation { placeOrder(customer: String!, item: String!): Order! }
/// type Subscription { orderPlaced(customer: String): Order!, countdown(from: Int!): Int! }
/// </code>
/// <c>order</c> of an unknown id fails with <c>No order &lt;id&gt;.</c>; <c>countdown</c> counts down to 1 and completes.
/// </summary>
public sealed class OrdersGraphSchema : Schema
{
    public OrdersGraphSchema(GraphOrderBook orders)
    {
        var query = new ObjectGraphType { Name = "Query" };
        query.Field<GraphOrderType>("order")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .Resolve(context => orders.Find(context.GetArgument<string>("id")) ?? throw new ExecutionError($"No order {context.GetArgument<string>("id")}."));
        Query = query;

        var mutation = new ObjectGraphType { Name = "Mutation" };
        mutation.Field<NonNullGraphType<GraphOrderType>>("placeOrder")
            .Argument<NonNullGraphType<StringGraphType>>("customer")
            .Argument<NonNullGraphType<StringGraphType>>("item")
            .Resolve(context => orders.Place(context.GetArgument<string>("customer"), context.GetArgument<string>("item")));
        Mutation = mutation;

        var subscription = new ObjectGraphType { Name = "Subscription" };
        subscription.Field<NonNullGraphType<GraphOrderType>>("orderPlaced")
            .Argument<StringGraphType>("customer")
            .ResolveStream(context => orders.Placed(context.GetArgument<string?>("customer")));
        subscription.Field<NonNullGraphType<IntGraphType>>("countdown")
            .Argument<NonNullGraphType<IntGraphType>>("from")
            .ResolveStream(context => new Countdown(context.GetArgument<int>("from")));
        Subscription = subscription;
    }
}
