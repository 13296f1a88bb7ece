using System.Globalization;
using BddWs.Driver;

namespace BddWs.Soak;

/// <summary>One connection of the soak: sends <c>c{id}-{n}</c> for n = 1…count and checks the echoes.</summary>
public static class SoakConnection
{
    private const string Prefix = "Message text was: ";

    public static async Task<ConnectionResult> RunAsync(Uri url, int id, int count, CancellationToken deadline)
    {
        await using var session = new WebSocketSession($"c{id}", url, new ConnectionOptions { ConnectTimeout = TimeSpan.FromSeconds(30) });
        try
        {
            await session.ConnectAsync();
        }
        catch (ConnectionFailedException failure)
        {
            Console.Error.WriteLine($"soak: connection {id}: {failure.Message}");
            return new ConnectionResult(count, 0, 0, count, 0);
        }

        for (var n = 1; n <= count && !deadline.IsCancellationRequested; n++)
        {
            await session.SendAsync(WebSocketMessage.FromText($"c{id}-{n}"));
        }

        // Every echo is waited for, up to a minute after the last send; nothing sleeps.
        await session.WaitForAsync(Expect.MessageCount(count), deadline.IsCancellationRequested ? TimeSpan.Zero : TimeSpan.FromMinutes(1));
        return Check(id, count, session.Log.Snapshot().ReceivedMessages());
    }

    private static ConnectionResult Check(int id, int count, IReadOnlyList<WebSocketMessage> echoes)
    {
        var seen = new HashSet<int>();
        int outOfOrder = 0, duplicated = 0, previous = 0;
        foreach (var echo in echoes)
        {
            var text = echo.Text;
            var expectedStart = $"{Prefix}c{id}-";
            if (!text.StartsWith(expectedStart, StringComparison.Ordinal)
                || !int.TryParse(text.AsSpan(expectedStart.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            {
                duplicated++;
                continue;
            }

            if (!seen.Add(n))
            {
                duplicated++;
            }

            if (n != previous + 1)
            {
                outOfOrder++;
            }

            previous = n;
        }

        return new ConnectionResult(count, echoes.Count, outOfOrder, count - seen.Count(n => n >= 1 && n <= count), duplicated);
    }
}
