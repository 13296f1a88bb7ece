using BddWs.RecordCheck;

return args switch
{
    ["session", var baseUrl] => await OrdersSession.RunAsync(new Uri(baseUrl)),
    ["changed", var server] => await ChangedService.RunAsync(new Uri(server)),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: record-check session <base URL> | changed <server base URL>");
    return 2;
}
