using System.Diagnostics;
using BddWs.Server;
using BddWs.Soak;
using Microsoft.AspNetCore.Builder;

// Soak: many connections at once, each sending sequence-numbered messages to the echo endpoint
// through the suite's own driver; every echo must come back exactly once and in order per
// connection. Bounded by --seconds; prints the counts; exit code 1 if anything was lost.
var options = SoakOptions.Parse(args);
WebApplication? embedded = null;
var url = options.Url;
if (url is null)
{
    embedded = ServerApp.Build(["--urls", "http://127.0.0.1:0", "--Logging:LogLevel:Default=Error", "--Limits:MaxConnections=100000"]);
    await embedded.StartAsync();
    url = embedded.WebSocketUrl("/ws");
}

Console.WriteLine($"soak: {options.Connections} connections x {options.Messages} messages to {url}, deadline {options.Deadline.TotalSeconds:0} s");
var clock = Stopwatch.StartNew();
using var deadline = new CancellationTokenSource(options.Deadline);
var results = await Task.WhenAll(Enumerable.Range(1, options.Connections)
    .Select(id => SoakConnection.RunAsync(url, id, options.Messages, deadline.Token)));
clock.Stop();

var sent = results.Sum(r => r.Sent);
var received = results.Sum(r => r.Received);
var perfect = results.Count(r => r.Perfect);
Console.WriteLine($"soak: sent {sent}, echoed {received}, missing {results.Sum(r => r.Missing)}, " +
                  $"duplicated {results.Sum(r => r.Duplicated)}, out of order {results.Sum(r => r.OutOfOrder)}; " +
                  $"{perfect} of {options.Connections} connections perfect; {clock.Elapsed.TotalSeconds:0.0} s, " +
                  $"{received / Math.Max(clock.Elapsed.TotalSeconds, 0.001):0} echoes/s");
if (embedded is not null)
{
    await embedded.StopAsync();
}

return perfect == options.Connections ? 0 : 1;
