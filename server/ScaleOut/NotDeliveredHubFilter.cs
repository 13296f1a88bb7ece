using Microsoft.AspNetCore.SignalR;
using StackExchange.Redis;

namespace BddWs.Server.ScaleOut;

/// <summary>
/// A hub method whose messages Redis could not carry fails with <see cref="NotDelivered.HubMessage"/>,
/// which the caller sees, and the server logs it: the backplane alone would give the caller only
/// SignalR's generic error, after waiting.
/// </summary>
public sealed class NotDeliveredHubFilter(ILogger<NotDeliveredHubFilter> log) : IHubFilter
{
    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocation, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        try
        {
            return await next(invocation);
        }
        catch (Exception failure) when (failure is RedisException or RedisTimeoutException)
        {
            log.LogError(
                "{Hub}.{Method} was not delivered: Redis cannot be reached ({Failure})",
                invocation.Hub.GetType().Name,
                invocation.HubMethodName,
                failure.Message.Split('\n', 2)[0].Trim());
            throw new HubException(NotDelivered.HubMessage);
        }
    }
}
