using BddWs.Testing;
using System.Diagnostics;
using FluentAssertions;
using Xunit;
using static BddWs.Server.Tests.Helpers.ClientFrames;

using BddWs.Server.Tests.Helpers;

namespace BddWs.Server.Tests;

/// <summary>
/// Keep-alive (<c>Limits:KeepAliveInterval</c>, <c>Limits:KeepAliveTimeout</c>): a silent
/// connection is pinged; a client that answers stays, one that does not is dropped without a close frame.
/// </summary>
public sealed class KeepAliveTests(ImpatientServer impatient) : IClassFixture<ImpatientServer>
{
    private BundledServer Server => impatient.Server;

    [Fact]
    public async Task A_client_that_answers_the_pings_stays_connected()
    {
        // Frequent pings, and time enough to answer each even on a busy machine: the connection
        // must outlive one timeout because it answered, however slowly the test itself runs.
        var timeout = TimeSpan.FromSeconds(3);
        await using var server = await BundledServer.StartAsync("--Limits:KeepAliveInterval=00:00:00.25", $"--Limits:KeepAliveTimeout={timeout}");
        await using (var raw = await RawClient.OpenAsync(server))
        {
            var clock = Stopwatch.StartNew();
            var rounds = 0;
            while (clock.Elapsed <= timeout || rounds < 2)
            {
                var ping = await raw.ReadAnyFrameAsync();
                ping.Opcode.Should().Be(Ping);
                await raw.SendAsync(Frame(Pong, ping.Payload));
                rounds++;
            }

            await raw.SendAsync(TextFrame("still here"));
            (await raw.ReadFrameAsync()).Text.Should().Be("Message text was: still here");
        }

        await Aftermath.ServerIsUnharmedAsync(server);
    }

    [Fact]
    public async Task A_client_that_answers_no_ping_is_dropped_without_a_close_frame()
    {
        await using (var raw = await RawClient.OpenAsync(Server))
        {
            var seen = new List<ServerFrame>();
            var dropped = false;
            try
            {
                while (true)
                {
                    seen.Add(await raw.ReadAnyFrameAsync(Aftermath.Settling));
                }
            }
            catch (Exception ex) when (ex is EndOfStreamException or IOException)
            {
                dropped = true;
            }

            dropped.Should().BeTrue();
            seen.Should().NotBeEmpty().And.OnlyContain(frame => frame.Opcode == Ping, "only pings come before the drop");
        }

        await Aftermath.ServerIsUnharmedAsync(Server);
    }
}
