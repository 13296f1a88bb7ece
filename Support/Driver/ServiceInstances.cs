namespace BddWs.Driver;

/// <summary>
/// The named instances of the service a scenario can place connections on ("… on instance "b""),
/// for a service that runs as several processes behind one backplane: the ones <c>BDDWS_SERVERS</c>
/// names (<c>a=ws://host:5001/;b=ws://host:5002/</c>), or else the ones a suite hosts itself and
/// names with <see cref="Use"/> before their first scenario. Each is a base URL, read as
/// <c>BDDWS_SERVER_URL</c> is: paths in features resolve against its host.
/// </summary>
public sealed class ServiceInstances(SuiteSettings settings)
{
    public const string Variable = "BDDWS_SERVERS";

    private readonly Dictionary<string, Uri> _hosted = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    /// <summary>The instances' names, in the order they were named.</summary>
    public IReadOnlyList<string> Names
    {
        get
        {
            lock (_lock)
            {
                return settings.Servers is { Count: > 0 } named ? [.. named.Keys] : [.. _hosted.Keys];
            }
        }
    }

    /// <summary>An instance the suite hosts itself; ignored when <c>BDDWS_SERVERS</c> names the instances.</summary>
    public void Use(string name, Uri webSocketUrl)
    {
        lock (_lock)
        {
            _hosted[name] = webSocketUrl;
        }
    }

    /// <summary>The base URL of the instance <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">No such instance, naming the ones there are.</exception>
    public Uri BaseUrl(string name)
    {
        lock (_lock)
        {
            var named = settings.Servers is { Count: > 0 } servers ? servers : _hosted;
            if (named.TryGetValue(name, out var url))
            {
                return url;
            }

            throw new ArgumentException(named.Count == 0
                ? $"There is no instance \"{name}\" of the service: no instances are named. Set {Variable}, for example a=ws://localhost:5001/;b=ws://localhost:5002/, or have the suite host them."
                : $"There is no instance \"{name}\" of the service: the instances are {Quoted(named.Keys)}.");
        }
    }

    /// <summary>A path such as <c>/chat</c> on the instance <paramref name="name"/>; a full ws:// or wss:// URL as it is.</summary>
    public Uri Resolve(string name, string pathOrUrl) =>
        SuiteSettings.TryParseWebSocketUrl(pathOrUrl, out var absolute) ? absolute : ServerUnderTest.ResolveAgainst(BaseUrl(name), pathOrUrl);

    private static string Quoted(IEnumerable<string> names)
    {
        var quoted = names.Select(n => $"\"{n}\"").ToList();
        return quoted.Count == 1 ? quoted[0] : string.Join(", ", quoted[..^1]) + " and " + quoted[^1];
    }
}
