using BddWs.Cli.Recording;

namespace BddWs.StepDefinitions.Tests.Drafts;

/// <summary>
/// Sessions of the bundled server as a recording proxy in front of http://localhost:5000 gives them,
/// written out the way server/Endpoints answers: the orders service (log in, subscribe, heartbeats,
/// an order created and cancelled) and the chat hub.
/// </summary>
public static class Sessions
{
    public const string Password = "open-sesame";

    /// <summary>The values the service made up in one run of the orders session.</summary>
    public sealed record OrdersRun(string Token, string Session, string OrderId, string CreatedAt, string HeartbeatAt, int ExpiresIn = 3600, string Item = "book");

    public static readonly OrdersRun FirstRun = new(
        "q7Vd0kM2pXr9sT4uYw1zA3bC5dE6fG8hJ0kL2mN4oP6", "Zx8Yw7Vu6Ts5Rq4P", "a1B2c3D4e5F6g7H8", "2026-12-06T05:40:01.123Z", "2026-12-06T05:40:00.5");

    public static readonly OrdersRun SecondRun = new(
        "M3nB5vC7xZ9lK1jH3gF5dS7aP9oI1uY3tR5eW7qQ9z0", "Pp0Oo9Ii8Uu7Yy6T", "Hh7Gg6Ff5Ee4Dd3C", "2026-12-06T06:02:44.917Z", "2026-12-06T06:02:43.1");

    /// <summary>Ada logs in, subscribes to orders, orders a book and cancels it; heartbeats all along.</summary>
    public static RecordedSession Orders(OrdersRun run, string source = "proxy to http://localhost:5000")
    {
        var json = Header("Content-Type", "application/json");
        var bearer = Header("Authorization", $"Bearer {run.Token}");
        var order = $$"""{"id":"{{run.OrderId}}","item":"{{run.Item}}","quantity":2,"status":"created","createdAt":"{{run.CreatedAt}}"}""";
        return new RecordedSession(source,
        [
            new HttpExchange(Ms(0), "POST", new Uri("http://localhost:5000/api/login"), [json, Header("User-Agent", "app/1.0")],
                $$"""{"user":"ada","password":"{{Password}}"}""", 200, [Header("Content-Type", "application/json; charset=utf-8")],
                $$"""{"token":"{{run.Token}}","user":"ada","expiresIn":{{run.ExpiresIn}}}"""),
            new WebSocketOpened(Ms(40), "ws-1", new Uri("ws://localhost:5000/orders"), [bearer, Header("Sec-WebSocket-Version", "13")], null),
            FromServer(45, $$"""{"type":"welcome","user":"ada","session":"{{run.Session}}"}"""),
            FromClient(60, """{"type":"subscribe","topic":"orders","requestId":"r1"}"""),
            FromServer(62, """{"type":"subscribed","requestId":"r1","topic":"orders"}"""),
            FromServer(540, $$"""{"type":"heartbeat","at":"{{run.HeartbeatAt}}00Z"}"""),
            new HttpExchange(Ms(700), "POST", new Uri("http://localhost:5000/api/orders"), [json, bearer],
                """{"item":"book","quantity":2}""", 201,
                [Header("Content-Type", "application/json; charset=utf-8"), Header("Location", $"/api/orders/{run.OrderId}")], order),
            FromServer(703, $$"""{"type":"order.created","seq":1,"order":{{order}}}"""),
            FromServer(1040, $$"""{"type":"heartbeat","at":"{{run.HeartbeatAt}}01Z"}"""),
            new HttpExchange(Ms(1200), "DELETE", new Uri($"http://localhost:5000/api/orders/{run.OrderId}"), [bearer], null, 204, [], null),
            FromServer(1202, $$"""{"type":"order.cancelled","seq":2,"id":"{{run.OrderId}}"}"""),
            FromServer(1540, $$"""{"type":"heartbeat","at":"{{run.HeartbeatAt}}02Z"}"""),
            new WebSocketClosed(Ms(1600), "ws-1", ByClient: true, 1000, ""),
        ]);
    }

    /// <summary>Bob and Carol on the chat hub: Bob adds two numbers, then both say something and both hear it.</summary>
    public static RecordedSession Chat() => new("chat.har",
    [
        new HttpExchange(Ms(0), "POST", new Uri("http://localhost:5000/hubs/chat/negotiate?negotiateVersion=1"), [], "", 200,
            [Header("Content-Type", "application/json")],
            """{"negotiateVersion":1,"connectionId":"k3J9","connectionToken":"T0k3nForB0b","availableTransports":[{"transport":"WebSockets","transferFormats":["Text","Binary"]}]}"""),
        new WebSocketOpened(Ms(10), "bob", new Uri("ws://localhost:5000/hubs/chat?id=T0k3nForB0b"), [], null),
        FromClient(12, """{"protocol":"json","version":1}""" + "\u001e", "bob"),
        FromServer(14, "{}\u001e", "bob"),
        new HttpExchange(Ms(20), "POST", new Uri("http://localhost:5000/hubs/chat/negotiate?negotiateVersion=1"), [], "", 200,
            [Header("Content-Type", "application/json")],
            """{"negotiateVersion":1,"connectionId":"p8Q2","connectionToken":"T0k3nForCar0l","availableTransports":[{"transport":"WebSockets","transferFormats":["Text","Binary"]}]}"""),
        new WebSocketOpened(Ms(30), "carol", new Uri("ws://localhost:5000/hubs/chat?id=T0k3nForCar0l"), [], null),
        FromClient(32, """{"protocol":"json","version":1}""" + "\u001e", "carol"),
        FromServer(34, "{}\u001e", "carol"),
        FromClient(100, """{"type":1,"invocationId":"0","target":"Add","arguments":[2,3]}""" + "\u001e", "bob"),
        FromServer(102, """{"type":3,"invocationId":"0","result":5}""" + "\u001e", "bob"),
        FromClient(200, """{"type":1,"invocationId":"1","target":"SendMessage","arguments":["Bob","hi"]}""" + "\u001e", "bob"),
        FromServer(202, """{"type":1,"target":"ReceiveMessage","arguments":["Bob","hi"]}""" + "\u001e" + """{"type":3,"invocationId":"1"}""" + "\u001e", "bob"),
        FromServer(202, """{"type":1,"target":"ReceiveMessage","arguments":["Bob","hi"]}""" + "\u001e", "carol"),
        FromClient(300, """{"type":1,"invocationId":"0","target":"SendMessage","arguments":["Carol","hello Bob"]}""" + "\u001e", "carol"),
        FromServer(302, """{"type":1,"target":"ReceiveMessage","arguments":["Carol","hello Bob"]}""" + "\u001e", "bob"),
        FromServer(302, """{"type":1,"target":"ReceiveMessage","arguments":["Carol","hello Bob"]}""" + "\u001e" + """{"type":3,"invocationId":"0"}""" + "\u001e", "carol"),
        FromServer(15000, """{"type":6}""" + "\u001e", "bob"),
        FromClient(15001, """{"type":6}""" + "\u001e", "bob"),
    ]);

    /// <summary>Ada and Bob in the Socket.IO chat: Ada says hi, Bob hears it, Ada orders a book and gets its id back.</summary>
    public static RecordedSession SocketIoChat(int orderNumber) => new($"socketio-{orderNumber}.har",
    [
        new WebSocketOpened(Ms(0), "ada", new Uri("ws://localhost:5000/socket.io/?EIO=4&transport=websocket"), [], null),
        FromServer(2, """0{"sid":"Qm9iIHNpZA","upgrades":[],"pingInterval":25000,"pingTimeout":20000,"maxPayload":1000000}""", "ada"),
        FromClient(3, """40/chat,{"token":"chat-secret","name":"ada"}""", "ada"),
        FromServer(4, """40/chat,{"sid":"5f1c0a7e2b9d4c3e8a6f0b1d2c3e4f5a"}""", "ada"),
        new WebSocketOpened(Ms(10), "bob", new Uri("ws://localhost:5000/socket.io/?EIO=4&transport=websocket"), [], null),
        FromServer(12, """0{"sid":"Qm9iIHNpZB","upgrades":[],"pingInterval":25000,"pingTimeout":20000,"maxPayload":1000000}""", "bob"),
        FromClient(13, """40/chat,{"token":"chat-secret","name":"bob"}""", "bob"),
        FromServer(14, """40/chat,{"sid":"0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d"}""", "bob"),
        FromClient(100, """42/chat,["chat","hi"]""", "ada"),
        FromServer(102, """42/chat,["chat","ada","hi"]""", "bob"),
        FromClient(200, """42/chat,1["order",{"item":"book","quantity":2}]""", "ada"),
        FromServer(202, $$"""43/chat,1["ok","order-{{orderNumber}}"]""", "ada"),
        FromServer(25000, "2", "ada"),
        FromClient(25001, "3", "ada"),
    ]);

    /// <summary>A GraphQL client subscribes to ada's orders, places one, hears of it, and stops.</summary>
    public static RecordedSession GraphQlOrders(int orderId) => new($"graphql-{orderId}.har",
    [
        new WebSocketOpened(Ms(0), "gql", new Uri("ws://localhost:5000/graphql"), [], "graphql-transport-ws"),
        FromClient(1, """{"type":"connection_init","payload":{"token":"s3cret"}}""", "gql"),
        FromServer(2, """{"type":"connection_ack"}""", "gql"),
        FromClient(10, """{"id":"1","type":"subscribe","payload":{"query":"subscription OrderPlaced($customer: String) { orderPlaced(customer: $customer) { id customer item } }","variables":{"customer":"ada"},"operationName":"OrderPlaced"}}""", "gql"),
        FromClient(20, """{"id":"2","type":"subscribe","payload":{"query":"mutation { placeOrder(customer: \"ada\", item: \"book\") { id customer item } }"}}""", "gql"),
        FromServer(22, Next("2", "placeOrder", orderId), "gql"),
        FromServer(23, """{"id":"2","type":"complete"}""", "gql"),
        FromServer(24, Next("1", "orderPlaced", orderId), "gql"),
        FromClient(30, """{"id":"1","type":"complete"}""", "gql"),
    ]);

    private static string Next(string id, string field, int orderId) =>
        "{\"id\":\"" + id + "\",\"type\":\"next\",\"payload\":{\"data\":{\"" + field + "\":{\"id\":\"" + orderId + "\",\"customer\":\"ada\",\"item\":\"book\"}}}}";

    public static RecordedHeader Header(string name, string value) => new(name, value);

    public static TimeSpan Ms(int milliseconds) => TimeSpan.FromMilliseconds(milliseconds);

    public static WebSocketFrame FromServer(int at, string payload, string connection = "ws-1") => new(Ms(at), connection, FromClient: false, payload);

    public static WebSocketFrame FromClient(int at, string payload, string connection = "ws-1") => new(Ms(at), connection, FromClient: true, payload);
}
