using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace BddWs.Hosting;

/// <summary>
/// A team's service running in this process on Kestrel, on a port of 127.0.0.1 the OS chose: real
/// sockets, since the suite speaks real WebSockets, which the in-memory test server cannot serve.
/// </summary>
public sealed class HostedService : HostedServer
{
    private readonly IAsyncDisposable _factory;

    private HostedService(IAsyncDisposable factory, Uri baseAddress, HostServiceAttribute hosting, CapturedLog log)
        : base(baseAddress, hosting, log) => _factory = factory;

    /// <summary>Builds and starts the service; a failure to start is a <see cref="HostingFailedException"/> in one line.</summary>
    public static async Task<HostedService> StartAsync(HostServiceAttribute hosting, IReadOnlyList<IServiceSetup> setups)
    {
        var entryPoint = hosting.EntryPoint;
        if (!entryPoint.IsClass)
        {
            throw new HostingFailedException($"The service to host is named by {entryPoint.Name}, which is not a class of the service; name its Program class.");
        }

        ContentRoot.Settle(entryPoint.Assembly);
        var log = new CapturedLog();
        var factory = (IAsyncDisposable)Activator.CreateInstance(typeof(Factory<>).MakeGenericType(entryPoint), hosting, setups, log)!;
        try
        {
            var services = ((IServiceProviderSource)factory).Start();
            var address = services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
            return new HostedService(factory, new Uri(address), hosting, log);
        }
        catch (Exception failure)
        {
            await factory.DisposeAsync();
            throw HostingFailedException.NotStarted(hosting, failure);
        }
    }

    public override ValueTask DisposeAsync() => _factory.DisposeAsync();

    private interface IServiceProviderSource
    {
        IServiceProvider Start();
    }

    /// <summary>The .NET way to host an app for tests, on Kestrel, with the suite's setups and the log capture.</summary>
    private sealed class Factory<TEntryPoint> : WebApplicationFactory<TEntryPoint>, IServiceProviderSource
        where TEntryPoint : class
    {
        private readonly HostServiceAttribute _hosting;
        private readonly IReadOnlyList<IServiceSetup> _setups;
        private readonly CapturedLog _log;

        public Factory(HostServiceAttribute hosting, IReadOnlyList<IServiceSetup> setups, CapturedLog log)
        {
            (_hosting, _setups, _log) = (hosting, setups, log);
            // 127.0.0.1 and port 0: the OS picks a free port, so runs can overlap; read back once started.
            UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        }

        public IServiceProvider Start()
        {
            StartServer();
            return Services;
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            // The address above is the one: a service's own default (UseUrls, ASPNETCORE_URLS) must not add another.
            builder.UseSetting(WebHostDefaults.ServerUrlsKey, "http://127.0.0.1:0");
            if (_hosting.Environment is { Length: > 0 } environment)
            {
                builder.UseEnvironment(environment);
            }

            builder.ConfigureServices(services => services.AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider>(_log));
            foreach (var setup in _setups)
            {
                setup.Configure(builder);
            }
        }
    }
}
