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
                : $"There is no instance \"{name}\" of the service: the instances are {QuotedList(named.Keys)}.");
        }
    }

    /// <summary>A path such as <c>/chat</c> on the instance <paramref name="name"/>; a full ws:// or wss:// URL as it is.</summary>
    /// <exception cref="ArgumentException">No such instance (asked first, even for a full URL), or neither a path nor a WebSocket URL.</exception>
    public Uri Resolve(string name, string pathOrUrl)
    {
        var baseUrl = BaseUrl(name);
        return SuiteSettings.TryParseWebSocketUrl(pathOrUrl, out var absolute) ? absolute : ServerUnderTest.ResolveAgainst(baseUrl, pathOrUrl);
    }

    /// <summary>
    /// How the report and failures mark a connection on an instance: <c>@b</c> after its name (<c>Bob@b</c>);
    /// nothing for a connection to the server under test, which looks as it always has.
    /// </summary>
    public static string Mark(string? instance) => instance is null ? "" : $"@{instance}";

    /// <summary>A connection as a failure names it: <c>"Bob"</c>, <c>"Bob"@b</c>, <c>@b</c> for the unnamed one on "b", or nothing for the unnamed one.</summary>
    public static string Quoted(string connectionName, string? instance) =>
        (connectionName.Length == 0 ? "" : $"\"{connectionName}\"") + Mark(instance);

    private static string QuotedList(IEnumerable<string> names)
    {
        var quoted = names.Select(n => $"\"{n}\"").ToList();
        return quoted.Count == 1 ? quoted[0] : string.Join(", ", quoted[..^1]) + " and " + quoted[^1];
    }
}
