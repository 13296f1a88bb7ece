using System.CommandLine;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using BddWs.Cli.Recording;
using BddWs.Cli.Recording.Drafting;
using BddWs.Cli.Recording.Proxy;

namespace BddWs.Cli.Commands;

/// <summary>
/// <c>bddws record --target &lt;service&gt; --listen 127.0.0.1:&lt;port&gt; -o &lt;file.feature&gt;</c>: a recording proxy
/// between the app and the service until Ctrl+C (or <c>--idle</c>), then the draft of a feature and the
/// recording as a HAR file beside it. <c>bddws record --har &lt;file.har&gt; -o &lt;file.feature&gt;</c>: the draft
/// from recordings made elsewhere (DevTools, mitmproxy, dev-proxy, an earlier <c>record</c>).
/// </summary>
public static partial class RecordCommand
{
    public const int Failed = 1;

    public static Command Create()
    {
        var output = new Option<string>("--output", "-o")
        {
            Description = "The feature file to write the draft to.",
            HelpName = "file.feature",
            Required = true,
        };
        var target = new Option<string?>("--target")
        {
            Description = "Record through a proxy to this service (its base URL: http://, https://, or ws:// read as http://).",
            HelpName = "url",
        };
        var listen = new Option<string?>("--listen")
        {
            Description = "Where the proxy listens, for the app to connect to instead of the service (port 0: any free port, printed). Default: 127.0.0.1:0.",
            HelpName = "address:port",
        };
        var idle = new Option<string?>("--idle")
        {
            Description = "Stop recording once nothing passed for this long after the first request (30s, 2m, 500ms), instead of waiting for Ctrl+C.",
            HelpName = "duration",
        };
        var harOut = new Option<string?>("--har-out")
        {
            Description = "Where to keep the recording as a HAR file (default: beside the draft, with .har), to give it with --har later.",
            HelpName = "file.har",
        };
        var har = new Option<string[]>("--har")
        {
            Description = "Write the draft from this HAR file instead of recording; give it twice for two recordings of the same session (what differs was generated).",
            HelpName = "file.har",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var force = new Option<bool>("--force") { Description = "Overwrite the draft (and the HAR file) when they exist." };
        var command = new Command("record", "Record a session between an app and a service through a proxy (or read it from HAR files) and write the draft of a feature from it.");
        foreach (var option in new Option[] { output, target, listen, idle, harOut, har, force })
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parse, cancel) => await RunAsync(
            new RecordRequest(
                parse.GetValue(output)!,
                parse.GetValue(target),
                parse.GetValue(listen),
                parse.GetValue(idle),
                parse.GetValue(harOut),
                parse.GetValue(har),
                parse.GetValue(force)),
            Console.Out,
            Console.Error,
            cancel));
        return command;
    }

    /// <summary>Records (until <paramref name="stop"/> or the idle time) or reads, then writes; the exit code.</summary>
    public static async Task<int> RunAsync(RecordRequest request, TextWriter console, TextWriter errors, CancellationToken stop, RecordOutputs? outputs = null)
    {
        outputs ??= RecordOutputs.Default;
        try
        {
            return request.Har is { Count: > 0 }
                ? await FromHarAsync(request, console, outputs)
                : await ThroughProxyAsync(request, console, stop, outputs);
        }
        catch (Exception failure) when (failure is UsageException or RecordingException)
        {
            await errors.WriteLineAsync(failure.Message);
            return Failed;
        }
    }

    private static async Task<int> FromHarAsync(RecordRequest request, TextWriter console, RecordOutputs outputs)
    {
        if (request.Target is not null)
        {
            throw new UsageException("Give either --target (to record through the proxy) or --har (to read recordings), not both.");
        }

        foreach (var (value, name) in new[] { (request.Listen, "--listen"), (request.Idle, "--idle"), (request.HarOut, "--har-out") })
        {
            if (value is not null)
            {
                throw new UsageException($"{name} goes with --target, not with --har.");
            }
        }

        Refuse(request.Output, request.Force);
        var sessions = new List<RecordedSession>();
        foreach (var path in request.Har!)
        {
            if (!File.Exists(path))
            {
                throw new UsageException($"{path} does not exist.");
            }

            var reading = outputs.ReadHar(path);
            sessions.Add(reading.Session);
            if (reading.LeftOutNote is { } note)
            {
                // The page and its assets are no part of the conversation; saying how many keeps nothing dropped quietly.
                await console.WriteLineAsync($"{path}: {note}");
            }
        }

        if (sessions.All(s => s.Events.Count == 0))
        {
            throw new RecordingException($"Nothing was recorded in {string.Join(" and ", request.Har!)}: no draft was written.");
        }

        await WriteDraftAsync(request.Output, sessions, console, outputs);
        return 0;
    }

    private static async Task<int> ThroughProxyAsync(RecordRequest request, TextWriter console, CancellationToken stop, RecordOutputs outputs)
    {
        if (request.Target is null)
        {
            throw new UsageException("Give --target to record through the proxy, or --har to read a recording.");
        }

        var target = TargetOf(request.Target);
        var listen = ListenOf(request.Listen ?? "127.0.0.1:0");
        var idle = request.Idle is null ? (TimeSpan?)null : IdleOf(request.Idle);
        var harOut = request.HarOut ?? Path.ChangeExtension(request.Output, ".har");
        Refuse(request.Output, request.Force);
        Refuse(harOut, request.Force);

        var lines = TextWriter.Synchronized(console);
        RecordedSession session;
        await using (var proxy = await RecordingProxy.StartAsync(target, listen, line => lines.WriteLine($"  {line}")))
        {
            var address = proxy.Address.GetLeftPart(UriPartial.Authority);
            await lines.WriteLineAsync(
                $"Listening on {address}, forwarding to {target.GetLeftPart(UriPartial.Path).TrimEnd('/')}: point the app here; " +
                (idle is { } i ? $"recording stops after {Words(i)} without traffic, or on Ctrl+C." : "Ctrl+C stops recording."));
            await WaitAsync(proxy, idle, stop);
            session = await proxy.StopAsync();
            if (session.Events.Count == 0)
            {
                throw new RecordingException($"Nothing was recorded: no request reached {target.GetLeftPart(UriPartial.Path).TrimEnd('/')} through {address}; nothing was written.");
            }
        }

        await console.WriteLineAsync(Summary(session));
        CreateFolderOf(harOut);
        outputs.WriteHar(session, harOut);
        await console.WriteLineAsync($"Wrote the recording to {harOut}.");
        await WriteDraftAsync(request.Output, [session], console, outputs);
        return 0;
    }

    /// <summary>Until Ctrl+C (or TERM), or until nothing passed for <paramref name="idle"/> after the first request.</summary>
    private static async Task WaitAsync(RecordingProxy proxy, TimeSpan? idle, CancellationToken stop)
    {
        try
        {
            if (idle is not { } limit)
            {
                await Task.Delay(Timeout.Infinite, stop);
                return;
            }

            // Sleeps until the idle time would be over, then looks again: traffic may have passed meanwhile.
            for (var left = limit - proxy.Idle; left > TimeSpan.Zero; left = limit - proxy.Idle)
            {
                await Task.Delay(left, stop);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }

    private static async Task WriteDraftAsync(string output, IReadOnlyList<RecordedSession> sessions, TextWriter console, RecordOutputs outputs)
    {
        var draft = outputs.Draft(sessions, new DraftOptions(FeatureName: FeatureNameOf(output)));
        CreateFolderOf(output);
        await File.WriteAllTextAsync(output, draft);
        await console.WriteLineAsync($"Wrote the draft to {output}.");
    }

    private static string Summary(RecordedSession session)
    {
        var requests = session.Events.OfType<HttpExchange>().Count();
        var sockets = session.Events.OfType<WebSocketOpened>().Count();
        var messages = session.Events.OfType<WebSocketFrame>().Count();
        return $"Recorded {Count(requests, "HTTP request")} and {Count(sockets, "WebSocket connection")} ({Count(messages, "message")}).";
    }

    private static string Count(int count, string what) => $"{count} {what}{(count == 1 ? "" : "s")}";

    private static void Refuse(string path, bool force)
    {
        if (!force && File.Exists(path))
        {
            throw new UsageException($"{path} exists: give --force to overwrite it.");
        }
    }

    private static void CreateFolderOf(string path)
    {
        if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } folder)
        {
            Directory.CreateDirectory(folder);
        }
    }

    /// <summary>orders.feature: "Orders"; order-history.feature: "Order history".</summary>
    internal static string FeatureNameOf(string output)
    {
        var words = Path.GetFileNameWithoutExtension(output).Replace('-', ' ').Replace('_', ' ').Trim();
        return words.Length == 0 ? new DraftOptions().FeatureName : char.ToUpperInvariant(words[0]) + words[1..];
    }

    /// <summary>The service's base URL: http:// or https://; ws:// and wss:// are read as those.</summary>
    internal static Uri TargetOf(string value)
    {
        if (Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" or "ws" or "wss" && uri.Host.Length > 0)
        {
            return uri.Scheme is "ws" or "wss" ? new UriBuilder(uri) { Scheme = uri.Scheme == "ws" ? "http" : "https", Port = uri.Port }.Uri : uri;
        }

        throw new UsageException($"--target must be an http://, https:// or ws:// URL, such as http://localhost:5000, not '{value}'.");
    }

    /// <summary>127.0.0.1:5099, [::1]:5099, localhost:5099; port 0 for any free one.</summary>
    internal static IPEndPoint ListenOf(string value)
    {
        var local = value.StartsWith("localhost:", StringComparison.OrdinalIgnoreCase) ? "127.0.0.1" + value["localhost".Length..] : value;
        if (IPEndPoint.TryParse(local, out var endPoint) && local.Contains(':') && !local.EndsWith(']'))
        {
            return endPoint;
        }

        throw new UsageException($"--listen must be an address and a port, such as 127.0.0.1:5099, not '{value}'.");
    }

    /// <summary>30s, 2m, 500ms, 1h; a bare number is seconds.</summary>
    internal static TimeSpan IdleOf(string value)
    {
        if (Duration().Match(value.Trim()) is { Success: true } match
            && double.TryParse(match.Groups["amount"].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var amount)
            && amount > 0)
        {
            return match.Groups["unit"].Value switch
            {
                "ms" => TimeSpan.FromMilliseconds(amount),
                "m" => TimeSpan.FromMinutes(amount),
                "h" => TimeSpan.FromHours(amount),
                _ => TimeSpan.FromSeconds(amount),
            };
        }

        throw new UsageException($"--idle must be a duration, such as 30s, 2m or 500ms, not '{value}'.");
    }

    private static string Words(TimeSpan duration) =>
        duration.TotalMilliseconds < 1000 ? $"{duration.TotalMilliseconds:0} ms"
        : duration.TotalSeconds < 120 ? $"{duration.TotalSeconds:0.#} s"
        : $"{duration.TotalMinutes:0.#} min";

    [GeneratedRegex("^(?<amount>[0-9]+(\\.[0-9]+)?)(?<unit>ms|s|m|h)?$")]
    private static partial Regex Duration();
}
