using BddWs.Driver;
using BddWs.Driver.Json;
using BddWs.Driver.SocketIo;
using BddWs.Driver.Values;

namespace BddWs.StepDefinitions.Assertions;

/// <summary>
/// How Socket.IO events and acknowledgements are judged, in Socket.IO's words:
/// <c>Expected the acknowledgement of emit "order" [{"item":"book"}] #1 to be ["ok"], but it was ["ok","order-1"]; it …</c>
/// </summary>
public static class SocketIoAssertions
{
    /// <summary>The acknowledgement of <paramref name="emit"/> came with arguments <paramref name="pattern"/> accepts; its <c>(remember …)</c> are then remembered.</summary>
    public static async Task ShouldBeAcknowledgedAsync(this SocketIoConnection connection, SocketIoEmit emit, JsonDocumentPattern pattern, ScenarioValues values, TimeSpan within)
    {
        var outcome = await connection.Session.WaitForAsync(SocketIoExpect.Ack(emit), within);
        outcome.Should().BeMet();
        var arguments = SocketIoExpect.AckIn(outcome.Events, emit)!.Arguments;
        var comparison = pattern.CompareWith(arguments);
        Verify.That(
            comparison.Matches,
            () => $"Expected the acknowledgement of {emit} to be {pattern.Text}, but it was {Format.Value(arguments)}; it {comparison.FirstDifference}.");
        JsonDocumentPattern.RememberFrom(comparison, values);
    }

    /// <summary>An event that <paramref name="matches"/> accepts came on the connection's namespace; returns its packet.</summary>
    public static async Task<SocketIoPacket> ShouldReceiveEventAsync(this SocketIoConnection connection, string described, Func<SocketIoPacket, bool> matches, TimeSpan within)
    {
        var outcome = await connection.Session.WaitForAsync(SocketIoExpect.Event(connection.Namespace, described, matches), within);
        outcome.Should().BeMet();
        SocketIoPacket.TryRead(outcome.Expectation.Matched(outcome.Events)!, out var packet);
        return packet;
    }
}
