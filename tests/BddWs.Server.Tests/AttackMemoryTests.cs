using BddWs.Testing;
using System.Diagnostics;
using FluentAssertions;
using Xunit;
using static BddWs.Server.Tests.Helpers.ClientFrames;

using BddWs.Server.Tests.Helpers;

namespace BddWs.Server.Tests;

/// <summary>
/// Round after round of attacks, many at once: afterwards the server's connections are all let
/// go, it still serves, and the process holds no more memory than a generous margin.
/// </summary>
[Collection(nameof(AloneCollection))]
public sealed class AttackMemoryTests
{
    private const int Waves = 3;
    private const int RoundsPerWave = 10;
    private const int Rounds = Waves * RoundsPerWave;
    private const long MemoryMargin = 32L * 1024 * 1024;

    [Fact]
    public async Task Repeated_attacks_leave_memory_and_connections_where_they_were()
    {
        await using var server = await BundledServer.StartAsync(ImpatientServer.Settings);

        // One wave first, so pools (Kestrel's buffers grow with concurrent uploads) are at size before measuring.
        await WaveAsync(server);
        (await Eventually.HoldsAsync(async () => await server.OpenConnectionsAsync() == 0, Aftermath.Settling)).Should().BeTrue();
        var managedBefore = GC.GetTotalMemory(forceFullCollection: true);
        var workingSetBefore = Process.GetCurrentProcess().WorkingSet64;

        for (var wave = 0; wave < Waves; wave++)
        {
            await WaveAsync(server);
        }

        (await Eventually.HoldsAsync(async () => await server.OpenConnectionsAsync() == 0, Aftermath.Settling)).Should().BeTrue();
        var managedAfter = GC.GetTotalMemory(forceFullCollection: true);
        var workingSetAfter = Process.GetCurrentProcess().WorkingSet64;
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"After {Rounds} rounds: managed heap {managedBefore / 1024} KiB -> {managedAfter / 1024} KiB, working set {workingSetBefore / 1024 / 1024} MiB -> {workingSetAfter / 1024 / 1024} MiB");
        (managedAfter - managedBefore).Should().BeLessThan(MemoryMargin);
        await Aftermath.ServerIsUnharmedAsync(server);
    }

    // Concurrent rounds: the attacks that only a timeout ends take seconds each.
    private static Task WaveAsync(BundledServer server) => Task.WhenAll(Enumerable.Range(0, RoundsPerWave).Select(_ => RoundAsync(server)));

    // Each attack ends its connection by itself; all of a round run at once.
    private static Task RoundAsync(BundledServer server) => Task.WhenAll(
        AttackAsync(server, raw => raw.SendAsync("\0\u0016garbage\r\n\r\n")),
        AttackAsync(server, raw => raw.SendAsync(raw.HandshakeLines() + $"X-Padding: {new string('a', 64 * 1024)}\r\n\r\n")),
        AttackAsync(server, raw => raw.SendAsync("GET /ws HTTP/1.1\r\n")),
        AttackAsync(server, async raw =>
        {
            await raw.HandshakeAsync("/ws");
            await raw.SendAsync(Frame(Text, "x"u8.ToArray(), masked: false));
        }),
        AttackAsync(server, async raw =>
        {
            await raw.HandshakeAsync("/chat");
            await raw.SendAsync(Frame(Text, [0xC3, 0x28]));
        }),
        AttackAsync(server, async raw =>
        {
            await raw.HandshakeAsync("/json");
            await raw.SendAsync([.. Header(Binary, 1UL << 62), .. Mask([1, 2, 3])]);
        }),
        AttackAsync(server, async raw =>
        {
            await raw.HandshakeAsync("/ws");
            await raw.SendAsync(Frame(Binary, new byte[(1024 * 1024) + 1]));
        }));

    private static async Task AttackAsync(BundledServer server, Func<RawClient, Task> attack)
    {
        await using var raw = await RawClient.ConnectAsync(server);
        try
        {
            await attack(raw);
        }
        catch (IOException)
        {
            // The server may cut the connection while the attack is still being sent.
        }

        (await raw.EndsWithinAsync(Aftermath.Settling)).Should().BeTrue("every attack should end its connection");
    }
}
