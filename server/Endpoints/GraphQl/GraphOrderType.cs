using GraphQL.Types;

namespace BddWs.Server.Endpoints.GraphQl;

/// <summary><c>type Order { id: ID!, customer: String!, item: String! }</c>.</summary>
public sealed class GraphOrderType : ObjectGraphType<GraphOrder>
{
    public GraphOrderType()
    {
        Name = "Order";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(context => context.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("customer").Resolve(context => context.Source.Customer);
        Field<NonNullGraphType<StringGraphType>>("item").Resolve(context => context.Source.Item);
    }
}
