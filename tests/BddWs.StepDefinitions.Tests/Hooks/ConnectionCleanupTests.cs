using System.Diagnostics;
using BddWs.StepDefinitions.Hooks;
using BddWs.ReqnrollPlugin.Reporting;
using BddWs.Testing;
using BddWs.StepDefinitions.Tests;
using FluentAssertions;
using Xunit;
using static BddWs.StepDefinitions.Tests.Helpers.StepHarness;

using BddWs.StepDefinitions.Tests.Helpers;

namespace BddWs.StepDefinitions.Tests.Hooks;

/// <summary>Nothing leaks: whatever a scenario did, the after-scenario hook leaves no socket open, and never hangs.</summary>
public sealed class ConnectionCleanupTests
{
    [Fact]
    public async Task A_scenario_that_throws_halfway_leaves_no_socket_open()
    {
        await using var steps = await StartAsync(ScriptedServer.Replies(text => [text]));
        await steps.Connecting.ConnectToEcho(I);
        await steps.Connecting.ConnectTo(new("Bob"), steps.Url.ToString());
        await steps.Sending.SendText(I, "hello");
        var halfway = await FluentActions.Awaiting(() => steps.Receiving.MessageEqualTo(I, "never")).Should().ThrowAsync<Exception>();
        halfway.Which.Should().NotBeNull("the scenario stops here, with two connections open");
        (await steps.ServerOpenConnections.ReachesAsync(2, Patience.MustHappen)).Should().BeTrue();
        var output = new OutputHelperStub();

        await new ConnectionHooks(steps.Connections, new Conversation(), output).CloseConnections();

        (await steps.ServerOpenConnections.ReachesAsync(0, Patience.MustHappen)).Should().BeTrue("the server must see every connection closed");
        output.Lines.Should().Contain(line => line.StartsWith("close 1000 NormalClosure \"scenario finished\"", StringComparison.Ordinal))
            .And.Contain(line => line.StartsWith("Bob: close 1000 NormalClosure", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Closing_does_not_hang_on_a_server_that_never_answers_the_close()
    {
        var release = new TaskCompletionSource();
        await using var steps = await StartAsync(_ => release.Task);
        await steps.Connecting.ConnectToEcho(I);

        // Without its own limit the goodbye would wait for ever; how soon it gives up is the hook's business.
        var closing = new ConnectionHooks(steps.Connections, new Conversation(), new OutputHelperStub()).CloseConnections();

        (await Task.WhenAny(closing, Task.Delay(Patience.MustHappen, TestContext.Current.CancellationToken))).Should().BeSameAs(closing, "closing must end");
        await closing;
        release.SetResult();
    }
}
