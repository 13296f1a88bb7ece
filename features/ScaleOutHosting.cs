using BddWs.Driver;
using BddWs.Hosting;
using BddWs.Hosting.Redis;
using Microsoft.AspNetCore.Hosting;
using Reqnroll;

namespace BddWs.Features;

/// <summary>
/// The bundled server scaled out, for features tagged <c>@scale-out</c>: an embedded Redis-protocol
/// server (Garnet) and two instances of the server on it, named "a" and "b", plus an instance "c"
/// whose Redis is gone (it points at a port nothing listens on), each hosted as the main server is,
/// on its own loopback port. Started by the first such feature, stopped after the run; a run without
/// <c>@scale-out</c> features starts none of it. When <c>BDDWS_SERVERS</c> names the instances
/// (CI runs them with <c>dotnet run</c> on a real Redis), nothing is started.
/// </summary>
[Binding]
public sealed class ScaleOutHosting
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static EmbeddedRedis? _redis;
    private static readonly List<HostedService> Instances = [];

    [BeforeFeature("scale-out")]
    public static async Task StartInstances(SuiteSettings settings, ServiceInstances instances)
    {
        if (settings.Servers is { Count: > 0 })
        {
            return;
        }

        await Gate.WaitAsync();
        try
        {
            if (_redis is not null)
            {
                return;
            }

            _redis = EmbeddedRedis.Start();
            var gone = $"127.0.0.1:{LoopbackPort.Free()}";
            foreach (var (name, redis) in new[] { ("a", _redis.Address), ("b", _redis.Address), ("c", gone) })
            {
                var instance = await HostedService.StartAsync(new HostServiceAttribute(typeof(Program)) { Path = "/ws" }, [new BundledServerHosting(), new ScaledOut(redis)]);
                Instances.Add(instance);
                instances.Use(name, instance.WebSocketUrl);
            }
        }
        finally
        {
            Gate.Release();
        }
    }

    [AfterTestRun(Order = StepDefinitions.Hooks.ServerHooks.StopOrder)]
    public static async Task StopInstances()
    {
        foreach (var instance in Instances)
        {
            await instance.DisposeAsync();
        }

        Instances.Clear();
        _redis?.Dispose();
        _redis = null;
    }

    // A struct, not a class: every class of the suite implementing IServiceSetup adjusts the main
    // hosted server too, and this setting is for the scale-out instances alone.
    private readonly record struct ScaledOut(string Redis) : IServiceSetup
    {
        public void Configure(IWebHostBuilder host) => host.UseSetting("ScaleOut:Redis", Redis);
    }
}
