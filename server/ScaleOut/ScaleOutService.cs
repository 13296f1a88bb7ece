using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace BddWs.Server.ScaleOut;

/// <summary>
/// Several instances of the server as one service: with <c>ScaleOut:Redis</c> set, the SignalR hubs
/// use the Redis backplane and the chat rooms and order events go through Redis pub/sub
/// (<see cref="RedisInstanceBus"/>); unset, the server runs alone (<see cref="SingleInstance"/>) and
/// needs no Redis.
/// </summary>
public static class ScaleOutService
{
    /// <summary>Adds the <see cref="IInstanceBus"/> the settings ask for, and the backplane when scaled out. Call after the hubs are added.</summary>
    public static IServiceCollection AddScaleOut(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(ScaleOutOptions.Section);
        services.AddOptions<ScaleOutOptions>()
            .Bind(section)
            .Validate(scaleOut => !string.IsNullOrWhiteSpace(scaleOut.ChannelPrefix), "ScaleOut:ChannelPrefix must not be empty.")
            .Validate(scaleOut => scaleOut.Redis is null || IsRedisConfiguration(scaleOut.Redis), "ScaleOut:Redis must be a Redis address such as 127.0.0.1:6379.")
            .ValidateOnStart();
        if (string.IsNullOrWhiteSpace(section[nameof(ScaleOutOptions.Redis)]))
        {
            services.AddSingleton<IInstanceBus, SingleInstance>();
            return services;
        }

        services.AddSingleton<RedisInstanceBus>();
        services.AddSingleton<IInstanceBus>(provider => provider.GetRequiredService<RedisInstanceBus>());
        services.AddHostedService(provider => provider.GetRequiredService<RedisInstanceBus>());
        services.AddSignalR(hubs => hubs.AddFilter<NotDeliveredHubFilter>())
            .AddStackExchangeRedis(_ => { });
        services.AddOptions<Microsoft.AspNetCore.SignalR.StackExchangeRedis.RedisOptions>()
            .Configure<IOptions<ScaleOutOptions>>((redis, scaleOut) => redis.Configuration = RedisInstanceBus.ConfigurationFrom(scaleOut.Value));
        return services;
    }

    private static bool IsRedisConfiguration(string text)
    {
        try
        {
            return ConfigurationOptions.Parse(text).EndPoints.Count > 0;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
