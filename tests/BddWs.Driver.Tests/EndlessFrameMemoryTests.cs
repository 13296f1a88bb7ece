using System.Diagnostics;
using BddWs.Driver;
using BddWs.Testing;
using BddWs.Driver.Tests.Helpers;
using FluentAssertions;
using Xunit;

namespace BddWs.Driver.Tests;

/// <summary>
/// Servers that announce a 2^62-byte frame and stream it as fast as they can, many at once, with
/// the default limit: the test host's memory stays where it was, because the client stops at the header.
/// </summary>
[Collection(nameof(AloneCollection))]
public sealed class EndlessFrameMemoryTests
{
    private const int Connections = 20;
    private const long MemoryMargin = 32L * 1024 * 1024;

    [Fact]
    public async Task Endless_frames_leave_the_test_hosts_memory_where_it_was()
    {
        long streamed = 0;
        await using var server = RawWebSocketServer.Start(async peer =>
        {
            await peer.SendAsync(RawPeer.Frame(0x82, [], announcedLength: 1L << 62));
            var chunk = new byte[64 * 1024];
            while (true)
            {
                await peer.SendAsync(chunk);
                Interlocked.Add(ref streamed, chunk.Length);
            }
        });
        await ReceiveEndlessFramesAsync(server.Url, 2);
        var managedBefore = GC.GetTotalMemory(forceFullCollection: true);
        var workingSetBefore = Process.GetCurrentProcess().WorkingSet64;

        var reasons = await ReceiveEndlessFramesAsync(server.Url, Connections);

        var managedAfter = GC.GetTotalMemory(forceFullCollection: true);
        var process = Process.GetCurrentProcess();
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{Connections} endless frames: managed heap {managedBefore / 1024} KiB -> {managedAfter / 1024} KiB, " +
            $"working set {workingSetBefore / 1024 / 1024} MiB -> {process.WorkingSet64 / 1024 / 1024} MiB (peak {process.PeakWorkingSet64 / 1024 / 1024} MiB), " +
            $"{Interlocked.Read(ref streamed) / 1024 / 1024} MiB streamed by the servers in all");
        reasons.Should().AllSatisfy(reason => reason.Should().StartWith("The server sent a message larger than the client accepts: it announced 4611686018427387904 bytes"));
        (managedAfter - managedBefore).Should().BeLessThan(MemoryMargin);
    }

    private static async Task<string[]> ReceiveEndlessFramesAsync(Uri url, int count) => await Task.WhenAll(Enumerable.Range(0, count).Select(async _ =>
    {
        await using var session = new WebSocketSession("", url, new ConnectionOptions());
        await session.ConnectAsync();
        var seen = await session.Log.WaitUntilAsync(events => events.CloseEvent() is not null, TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);
        return seen.Events.CloseEvent()?.Reason ?? "no close within 60 s";
    }));
}
