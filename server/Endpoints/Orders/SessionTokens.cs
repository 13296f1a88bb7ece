using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace BddWs.Server.Endpoints.Orders;

/// <summary>
/// The tokens <c>POST /api/login</c> hands out, in memory: each random, for one user, valid for
/// <see cref="OrdersOptions.TokenLifetime"/>. Expired ones are forgotten, so logins do not pile up.
/// </summary>
public sealed class SessionTokens(IOptions<OrdersOptions> options, TimeProvider clock)
{
    // Keyed by a hash of the token: the lookup's timing then says nothing about the tokens themselves.
    private readonly ConcurrentDictionary<string, (string User, DateTimeOffset Expires)> _tokens = new(StringComparer.Ordinal);
    private long _nextSweep;

    /// <summary>A new token for <paramref name="user"/>.</summary>
    public string Issue(string user)
    {
        var now = clock.GetUtcNow();
        SweepExpired(now);
        var token = RandomId.Create(32);
        _tokens[KeyOf(token)] = (user, now + options.Value.TokenLifetime);
        return token;
    }

    /// <summary>The user of the first valid token the request offers (bearer header or <c>access_token</c>), or null.</summary>
    public string? UserOf(HttpRequest request)
    {
        var now = clock.GetUtcNow();
        foreach (var token in BearerToken.Offered(request))
        {
            if (_tokens.TryGetValue(KeyOf(token), out var holder) && holder.Expires > now)
            {
                return holder.User;
            }
        }

        return null;
    }

    private void SweepExpired(DateTimeOffset now)
    {
        // At most once a second: a scan per login would make many logins slow.
        var due = Interlocked.Read(ref _nextSweep);
        if (now.UtcTicks < due || Interlocked.CompareExchange(ref _nextSweep, now.UtcTicks + TimeSpan.TicksPerSecond, due) != due)
        {
            return;
        }

        foreach (var (key, holder) in _tokens)
        {
            if (holder.Expires <= now)
            {
                _tokens.TryRemove(key, out _);
            }
        }
    }

    private static string KeyOf(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
