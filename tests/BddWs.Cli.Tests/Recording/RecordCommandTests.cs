using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using BddWs.Cli.Commands;
using BddWs.Cli.Recording;
using BddWs.Cli.Recording.Drafting;
using BddWs.Cli.Recording.Har;
using FluentAssertions;
using Xunit;

namespace BddWs.Cli.Tests.Recording;

/// <summary>
/// <c>bddws record</c>: records until Ctrl+C or the idle time, then writes the recording and the draft;
/// each mistake on its command line, in one line. The draft and the HAR file are written here by
/// stand-ins, so that these tests are about the command and the proxy only.
/// </summary>
public sealed class RecordCommandTests : IDisposable
{
    private readonly TempFolder folder = new();
    private readonly List<(IReadOnlyList<RecordedSession> Sessions, DraftOptions Options)> drafts = [];
    private readonly List<(RecordedSession Session, string Path)> hars = [];
    private readonly RecordOutputs outputs;
    private readonly Lines console = new();
    private readonly StringWriter errors = new();

    public RecordCommandTests()
    {
        outputs = new RecordOutputs(
            (sessions, options) =>
            {
                drafts.Add((sessions, options));
                return "Feature: drafted\n";
            },
            (session, path) =>
            {
                hars.Add((session, path));
                File.WriteAllText(path, "{}");
            },
            path => new HarReading(
                new RecordedSession(path, [new WebSocketFrame(TimeSpan.Zero, "ws1", true, "from " + Path.GetFileName(path))]),
                Path.GetFileName(path) == "second.har" ? 3 : 0));
    }

    public void Dispose() => folder.Dispose();

    private string Output => Path.Combine(folder.Path, "features", "orders.feature");

    /// <summary>The command, stopped by <paramref name="stop"/> as by Ctrl+C.</summary>
    private Task<int> RunAsync(RecordRequest request, CancellationTokenSource? stop = null) =>
        RecordCommand.RunAsync(request, console, errors, stop?.Token ?? CancellationToken.None, outputs);

    [Fact]
    public async Task Ctrl_c_stops_the_recording_and_writes_the_recording_then_the_draft()
    {
        await using var service = await EchoService.StartAsync();
        using var stop = new CancellationTokenSource();
        var run = RunAsync(new RecordRequest(Output, Target: service.Url.ToString()), stop);
        var address = await console.ListeningAddressAsync();
        using var client = new HttpClient();
        (await client.GetStringAsync(new Uri(address, "http?status=200"), TestContext.Current.CancellationToken)).Should().BeEmpty();

        await stop.CancelAsync();

        (await run).Should().Be(0, errors.ToString());
        var har = Path.Combine(folder.Path, "features", "orders.har");
        hars.Should().ContainSingle().Which.Path.Should().Be(har);
        var session = drafts.Should().ContainSingle().Which.Sessions.Should().ContainSingle().Which;
        session.Events.Should().ContainSingle().Which.Should().BeOfType<HttpExchange>().Which.Url.Should().Be(new Uri(address, "http?status=200"));
        drafts[0].Options.FeatureName.Should().Be("Orders");
        (await File.ReadAllTextAsync(Output, TestContext.Current.CancellationToken)).Should().Be("Feature: drafted\n");
        console.Text.Should().EndWith(string.Join('\n',
            "  GET /http?status=200 200",
            "Recorded 1 HTTP request and 0 WebSocket connections (0 messages).",
            $"Wrote the recording to {har}.",
            $"Wrote the draft to {Output}.",
            ""));
        errors.ToString().Should().BeEmpty();
    }

    [Fact]
    public async Task With_an_idle_time_the_recording_stops_by_itself_once_nothing_passed_for_that_long()
    {
        await using var service = await EchoService.StartAsync();
        var harOut = Path.Combine(folder.Path, "kept", "session.har");
        var run = RunAsync(new RecordRequest(Output, Target: service.Url.ToString(), Idle: "300ms", HarOut: harOut));
        var address = await console.ListeningAddressAsync();
        using var client = new HttpClient();
        await client.GetStringAsync(new Uri(address, "http"), TestContext.Current.CancellationToken);

        (await run).Should().Be(0, errors.ToString());

        hars.Should().ContainSingle().Which.Path.Should().Be(harOut);
        File.Exists(harOut).Should().BeTrue();
        File.Exists(Output).Should().BeTrue();
        console.Text.Should().StartWith($"Listening on {address.GetLeftPart(UriPartial.Authority)}, forwarding to {service.Url.GetLeftPart(UriPartial.Authority)}: point the app here; recording stops after 300 ms without traffic, or on Ctrl+C.\n");
    }

    [Fact]
    public async Task A_service_that_cannot_be_reached_is_said_and_nothing_recorded_writes_nothing()
    {
        var closed = RecordingProxyTests.ClosedPort();

        using var stop = new CancellationTokenSource();
        var run = RunAsync(new RecordRequest(Output, Target: $"ws://127.0.0.1:{closed}", Listen: "127.0.0.1:0"), stop);
        var address = await console.ListeningAddressAsync();
        using var client = new HttpClient();
        using var response = await client.GetAsync(new Uri(address, "orders"), TestContext.Current.CancellationToken);
        response.StatusCode.Should().Be(HttpStatusCode.BadGateway);
        await stop.CancelAsync();

        var code = await run;

        code.Should().Be(RecordCommand.Failed);
        errors.ToString().Should().MatchRegex($@"^Nothing was recorded: no request reached http://127\.0\.0\.1:{closed} through http://127\.0\.0\.1:\d+; nothing was written\.\n$");
        console.Text.Should().EndWith($"  The service at http://127.0.0.1:{closed} cannot be reached (Connection refused): the client got 502; nothing is recorded until it answers.\n");
        File.Exists(Output).Should().BeFalse();
        hars.Should().BeEmpty();
    }

    [Fact]
    public async Task A_port_in_use_is_one_line()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;

        var code = await RunAsync(new RecordRequest(Output, Target: "http://localhost:5000", Listen: $"127.0.0.1:{port}"));

        code.Should().Be(RecordCommand.Failed);
        errors.ToString().Should().Be($"Cannot listen on 127.0.0.1:{port}: the port is in use.\n");
    }

    [Fact]
    public async Task The_draft_from_har_files_gets_every_recording()
    {
        var first = folder.Write("first.har", "{}");
        var second = folder.Write("second.har", "{}");

        (await RunAsync(new RecordRequest(Output, Har: [first, second]))).Should().Be(0, errors.ToString());

        drafts.Should().ContainSingle().Which.Sessions.Select(s => s.Source).Should().Equal(first, second);
        console.Text.Should().Be($"{second}: Left out 3 requests for pages, scripts, styles and images.\nWrote the draft to {Output}.\n");
        hars.Should().BeEmpty();
    }

    [Fact]
    public async Task An_existing_draft_is_overwritten_only_with_force()
    {
        var har = folder.Write("session.har", "{}");
        folder.Write("features/orders.feature", "mine");

        (await RunAsync(new RecordRequest(Output, Har: [har]))).Should().Be(RecordCommand.Failed);
        errors.ToString().Should().Be($"{Output} exists: give --force to overwrite it.\n");
        (await File.ReadAllTextAsync(Output, TestContext.Current.CancellationToken)).Should().Be("mine");

        (await RunAsync(new RecordRequest(Output, Har: [har], Force: true))).Should().Be(0);
        (await File.ReadAllTextAsync(Output, TestContext.Current.CancellationToken)).Should().Be("Feature: drafted\n");
    }

    [Fact]
    public async Task An_existing_recording_beside_the_draft_is_refused_before_recording()
    {
        folder.Write("features/orders.har", "{}");

        (await RunAsync(new RecordRequest(Output, Target: "http://localhost:5000"))).Should().Be(RecordCommand.Failed);

        errors.ToString().Should().Be($"{Path.Combine(folder.Path, "features", "orders.har")} exists: give --force to overwrite it.\n");
        console.Text.Should().BeEmpty();
    }

    public static TheoryData<string?, string?, string?, string?, string?, string> Mistakes => new()
    {
        { "http://localhost:5000", null, null, null, "a.har", "Give either --target (to record through the proxy) or --har (to read recordings), not both." },
        { null, null, null, null, null, "Give --target to record through the proxy, or --har to read a recording." },
        { null, "127.0.0.1:5099", null, null, "a.har", "--listen goes with --target, not with --har." },
        { null, null, "30s", null, "a.har", "--idle goes with --target, not with --har." },
        { null, null, null, "x.har", "a.har", "--har-out goes with --target, not with --har." },
        { "localhost:5000", null, null, null, null, "--target must be an http://, https:// or ws:// URL, such as http://localhost:5000, not 'localhost:5000'." },
        { "ftp://example.com", null, null, null, null, "--target must be an http://, https:// or ws:// URL, such as http://localhost:5000, not 'ftp://example.com'." },
        { "http://localhost:5000", "5099", null, null, null, "--listen must be an address and a port, such as 127.0.0.1:5099, not '5099'." },
        { "http://localhost:5000", "somewhere:5099", null, null, null, "--listen must be an address and a port, such as 127.0.0.1:5099, not 'somewhere:5099'." },
        { "http://localhost:5000", null, "soon", null, null, "--idle must be a duration, such as 30s, 2m or 500ms, not 'soon'." },
        { "http://localhost:5000", null, "0s", null, null, "--idle must be a duration, such as 30s, 2m or 500ms, not '0s'." },
        { null, null, null, null, "missing.har", "missing.har does not exist." },
    };

    [Theory]
    [MemberData(nameof(Mistakes))]
    public async Task Each_mistake_on_the_command_line_is_one_line(string? target, string? listen, string? idle, string? harOut, string? har, string message)
    {
        var code = await RunAsync(new RecordRequest(Output, target, listen, idle, harOut, har is null ? null : [har == "a.har" ? folder.Write("a.har", "{}") : har]));

        code.Should().Be(RecordCommand.Failed);
        errors.ToString().Should().Be(message + "\n");
        console.Text.Should().BeEmpty();
        File.Exists(Output).Should().BeFalse();
    }

    [Fact]
    public void The_command_line_parses_into_the_request()
    {
        var parse = RecordCommand.Create().Parse(["--target", "http://localhost:5000", "--listen", "127.0.0.1:5099", "-o", "features/orders.feature", "--idle", "30s", "--har-out", "s.har", "--force"]);
        parse.Errors.Should().BeEmpty();
        var har = RecordCommand.Create().Parse(["--har", "first.har", "--har", "second.har", "-o", "x.feature"]);
        har.Errors.Should().BeEmpty();
        har.GetValue<string[]>("--har").Should().Equal("first.har", "second.har");
    }

    [Theory]
    [InlineData("30s", 30_000)]
    [InlineData("2m", 120_000)]
    [InlineData("500ms", 500)]
    [InlineData("1.5", 1_500)]
    public void Idle_times(string written, int milliseconds) =>
        RecordCommand.IdleOf(written).Should().Be(TimeSpan.FromMilliseconds(milliseconds));

    [Theory]
    [InlineData("ws://localhost:5000/base", "http://localhost:5000/base")]
    [InlineData("wss://example.com", "https://example.com/")]
    [InlineData("http://127.0.0.1:5000", "http://127.0.0.1:5000/")]
    public void Targets(string written, string url) => RecordCommand.TargetOf(written).Should().Be(new Uri(url));

    /// <summary>The console, written by the proxy's threads and read by the test.</summary>
    private sealed class Lines : StringWriter
    {
        private readonly Lock gate = new();

        public override void Write(char value)
        {
            lock (gate)
            {
                base.Write(value);
            }
        }

        public override void Write(string? value)
        {
            lock (gate)
            {
                base.Write(value);
            }
        }

        public override void WriteLine(string? value) => Write(value + "\n");

        public override Task WriteLineAsync(string? value)
        {
            WriteLine(value);
            return Task.CompletedTask;
        }

        public string Text
        {
            get
            {
                lock (gate)
                {
                    return ToString();
                }
            }
        }

        /// <summary>The address the proxy printed, once it did (the test's own deadline applies).</summary>
        public async Task<Uri> ListeningAddressAsync()
        {
            while (true)
            {
                if (System.Text.RegularExpressions.Regex.Match(Text, @"^Listening on (\S+),") is { Success: true } match)
                {
                    return new Uri(match.Groups[1].Value + "/");
                }

                await Task.Delay(20, TestContext.Current.CancellationToken);
            }
        }
    }
}
