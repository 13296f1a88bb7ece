using BddWs.Specs.StepDefinitions;
using BddWs.Specs.Support;
using BddWs.Specs.Support.Driver;
using BddWs.Specs.Support.Server;

namespace BddWs.Tests.Steps;

/// <summary>
/// The step definitions of one scenario, wired as Reqnroll wires them, against a chosen server,
/// with a short timeout so that failing waits end quickly.
/// </summary>
public sealed class StepHarness : IAsyncDisposable
{
    public static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(300);

    private StepHarness(WebSocketConnections connections, SuiteSettings settings)
    {
        Connections = connections;
        Connecting = new ConnectionSteps(connections);
        Sending = new SendingSteps(connections);
        Receiving = new ReceivingSteps(connections, settings);
        Closing = new ClosingSteps(connections, settings);
    }

    public WebSocketConnections Connections { get; }

    public ConnectionSteps Connecting { get; }

    public SendingSteps Sending { get; }

    public ReceivingSteps Receiving { get; }

    public ClosingSteps Closing { get; }

    public static async Task<StepHarness> ForAsync(Uri serverUrl)
    {
        var settings = new SuiteSettings(serverUrl, Timeout, TimeSpan.FromSeconds(2));
        var server = new ServerUnderTest(settings);
        await server.StartAsync();
        return new StepHarness(new WebSocketConnections(server, settings), settings);
    }

    public ValueTask DisposeAsync() => Connections.DisposeAsync();
}
