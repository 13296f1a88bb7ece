using BddWs.Driver;
using BddWs.Driver.Contracts;
using BddWs.Driver.Http;
using BddWs.Driver.Values;
using Reqnroll;

namespace BddWs.ReqnrollPlugin.Reporting;

/// <summary>
/// Turns each connection's events and each HTTP exchange into the lines of a conversation, for
/// the report: <c>→ sent "Hello"</c>, <c>← received "Message text was: Hello" (+3 ms)</c>,
/// <c>→ POST http://127.0.0.1:5000/api/orders {"item":"book"}</c>, <c>← 201 Created {"id":"o-1"} (+3 ms)</c>,
/// in the order they happened, whichever connection or request they belong to. Remembers what it
/// already told, so each step shows only the traffic that happened while it ran.
/// A step that caused more than <see cref="MostLinesPerStep"/> events shows the first and the last
/// of them and says how many it left out; the whole conversation then goes to
/// <see cref="FullConversationFile"/>, so a flood of messages neither buries the report and the
/// console nor is lost. Secret values the scenario remembered are masked in every line. A connection
/// on a named instance of the service starts its lines with <c>Bob@b: </c> (<c>@b: </c> unnamed, and
/// for a request to that instance); the server under test's lines look as they always have.
/// Scenario-scoped, by Reqnroll's context injection.
/// </summary>
public sealed partial class Conversation(ScenarioValues values, ScenarioContract contract)
{
    /// <summary>More events than this in one step, on one connection, are cut short.</summary>
    public const int MostLinesPerStep = 30;

    private const int FirstLines = 20;
    private const int LastLines = 10;

    /// <summary>
    /// A whole text longer than this is cut too, saying its length: a payload of megabytes (a size
    /// test's) would weigh on the page, which every reader opens, and a reader needs its start only.
    /// </summary>
    public const int MostWholeCharacters = 10_000;

    private readonly Dictionary<WebSocketSession, int> _told = [];
    private int _exchangesTold;
    private readonly List<string> _everything = [];
    private bool _fileWritten;

    public Conversation()
        : this(new ScenarioValues())
    {
    }

    public Conversation(ScenarioValues values)
        : this(values, new ScenarioContract())
    {
    }

    /// <summary>
    /// The reference point of every line's <c>+N ms</c>, on the <see cref="Timeline"/>: the start of the
    /// scenario, as the conversation is made when the scenario's first hook or step runs.
    /// </summary>
    public TimeSpan Began { get; init; } = Timeline.Now;

    /// <summary>Where the whole conversation is written once a step is cut short; null writes none.</summary>
    public string? FullConversationFile { get; set; }

    /// <summary>
    /// Writes what happened since the last call to the scenario's output, which the report shows
    /// under the step (or hook) running now: the one place the conversation is told.
    /// </summary>
    public void Tell(IEnumerable<WebSocketSession> sessions, string during, IReqnrollOutputHelper output) =>
        Tell(sessions, [], during, output);

    /// <summary>Like <see cref="Tell(IEnumerable{WebSocketSession}, string, IReqnrollOutputHelper)"/>, with the scenario's HTTP exchanges in the same timeline.</summary>
    public void Tell(IEnumerable<WebSocketSession> sessions, IReadOnlyList<HttpExchange> exchanges, string during, IReqnrollOutputHelper output)
    {
        foreach (var line in NewLines(sessions, exchanges, during))
        {
            output.WriteLine(line);
        }
    }

    /// <summary>The lines for WebSocket events no earlier call returned; see the overload with HTTP exchanges.</summary>
    public IReadOnlyList<string> NewLines(IEnumerable<WebSocketSession> sessions, string during = "") => NewLines(sessions, [], during);

    /// <summary>The lines of <see cref="NewParts"/>, without the whole texts of shortened messages.</summary>
    public IReadOnlyList<string> NewLines(IEnumerable<WebSocketSession> sessions, IReadOnlyList<HttpExchange> exchanges, string during = "") =>
        [.. NewParts(sessions, exchanges, during).Select(l => l.Line)];

    /// <summary>
    /// The lines for events and HTTP exchanges no earlier call returned and recorded up to
    /// <paramref name="until"/> (now, when not given), in the order they happened (all on the
    /// <see cref="Timeline"/>), each connection's cut short beyond <see cref="MostLinesPerStep"/>.
    /// <paramref name="during"/> heads this part of the conversation in the full file (the step's text).
    /// </summary>
    public IReadOnlyList<ToldLine> NewParts(IEnumerable<WebSocketSession> sessions, IReadOnlyList<HttpExchange> exchanges, string during = "", TimeSpan? until = null)
    {
        var cutOff = until ?? Timeline.Now;
        var shown = new List<IReadOnlyList<Told>>();
        var all = new List<IReadOnlyList<Told>>();
        var cut = false;
        foreach (var session in sessions)
        {
            var told = TellSinceLastTime(session, cutOff);
            all.Add(told);
            if (told.Count <= MostLinesPerStep)
            {
                shown.Add(told);
                continue;
            }

            cut = true;
            var left = told.Skip(FirstLines).SkipLast(LastLines).ToList();
            shown.Add([.. told.Take(FirstLines), new Told(left[0].At, Omission([.. left.Select(t => t.Event!)]), null, null), .. told.TakeLast(LastLines)]);
        }

        var http = TellExchangesSinceLastTime(exchanges, cutOff);
        all.Add(http);
        shown.Add(http);
        Keep(during, [.. InTimeOrder(all).Select(l => l.Line)], cut);
        return InTimeOrder(shown);
    }

    /// <summary>
    /// The lines of several sources merged by time. Each source keeps its own order, even if two of
    /// its events were stamped out of order by the threads that recorded them.
    /// </summary>
    private static List<ToldLine> InTimeOrder(List<IReadOnlyList<Told>> sources)
    {
        var merged = new List<ToldLine>();
        var next = new int[sources.Count];
        while (true)
        {
            var earliest = -1;
            for (var s = 0; s < sources.Count; s++)
            {
                if (next[s] < sources[s].Count && (earliest < 0 || sources[s][next[s]].At < sources[earliest][next[earliest]].At))
                {
                    earliest = s;
                }
            }

            if (earliest < 0)
            {
                return merged;
            }

            var told = sources[earliest][next[earliest]++];
            merged.Add(new ToldLine(told.Line, told.Whole));
        }
    }

    private List<Told> TellSinceLastTime(WebSocketSession session, TimeSpan cutOff)
    {
        var told = new List<Told>();
        var events = session.Log.Snapshot();
        var first = _told.GetValueOrDefault(session);
        // What was recorded after the cut-off belongs to the next step.
        var end = first;
        while (end < events.Count && session.Log.Began + events[end].At <= cutOff)
        {
            end++;
        }

        // Checked on the events told, so a line is marked, and its step fails, exactly when the message broke the contract.
        contract.Check(session, end == events.Count ? events : [.. events.Take(end)]);
        // "Bob@b: " for a connection on the instance "b" of the service; as before for the server under test.
        var who = session.Shown.Length == 0 ? "" : $"{session.Shown}: ";
        var plumbing = new List<MessageEvent>();
        for (var i = first; i < end; i++)
        {
            // A dialect's plumbing (a hub's pings) keeps the connection going and says nothing: the like of it in a row makes one line.
            if (DialectLines.PlumbingOf(events[i]) is { } dialect)
            {
                var record = (MessageEvent)events[i];
                if (plumbing.Count > 0 && !DialectLines.FoldTogether(dialect, plumbing[0], record))
                {
                    FoldPlumbing(session, who, plumbing, told);
                }

                plumbing.Add(record);
                continue;
            }

            FoldPlumbing(session, who, plumbing, told);
            var at = session.Log.Began + events[i].At;
            var (line, marks) = Line(session, events[i]);
            told.Add(new Told(at, values.Mask($"{who}{line} (+{Since(at)}){marks}"), events[i], WholeOf(session, events[i], line)));
        }

        FoldPlumbing(session, who, plumbing, told);

        _told[session] = end;
        return told;
    }

    // Plumbing is never ignored by a rule nor judged by a contract: its line has no marks.
    private void FoldPlumbing(WebSocketSession session, string who, List<MessageEvent> plumbing, List<Told> told)
    {
        if (plumbing.Count > 0)
        {
            var at = session.Log.Began + plumbing[0].At;
            var line = DialectLines.Folded(plumbing[0].Message.Dialect!, plumbing[0], plumbing.Count);
            told.Add(new Told(at, values.Mask($"{who}{line} (+{Since(at)})"), plumbing[0], plumbing.Count == 1 ? WholeOf(session, plumbing[0], line) : null));
            plumbing.Clear();
        }
    }

    /// <summary>Two lines per exchange: the request when it was sent, the answer (or why none came) when it ended.</summary>
    private List<Told> TellExchangesSinceLastTime(IReadOnlyList<HttpExchange> exchanges, TimeSpan cutOff)
    {
        var told = new List<Told>();
        var next = _exchangesTold;
        for (; next < exchanges.Count && exchanges[next].Ended <= cutOff; next++)
        {
            var exchange = exchanges[next];
            // "@b: " before both lines of a request to the instance "b", as before a connection's lines on it.
            var on = exchange.Instance is null ? "" : $"{ServiceInstances.Mark(exchange.Instance)}: ";
            var request = on + HttpShown.RequestLine(exchange);
            var reply = on + HttpShown.ReplyLine(exchange);
            told.Add(new Told(exchange.Sent, values.Mask($"{request} (+{Since(exchange.Sent)})"), null,
                exchange.Body is { } body && IsShortened(request) ? Whole(HttpShown.WholeBody(body.Text, body.MediaType)) : null));
            told.Add(new Told(exchange.Ended, values.Mask($"{reply} (+{Since(exchange.Ended)})"), null,
                exchange.Reply is { } answer && IsShortened(reply) ? Whole(HttpShown.WholeBody(answer.Body, answer.MediaType)) : null));
        }

        _exchangesTold = Math.Max(_exchangesTold, next);
        return told;
    }

    /// <summary>How long after the start of the scenario: the one reference point of every line.</summary>
    private string Since(TimeSpan at) => Format.Elapsed(at < Began ? TimeSpan.Zero : at - Began);

    /// <summary>The whole text of a message its line shows shortened; null for a line shown whole (or a binary message, shown by its start and length).</summary>
    private string? WholeOf(WebSocketSession session, SessionEvent sessionEvent, string line) =>
        sessionEvent is MessageEvent { Message.IsText: true } message && IsShortened(line) ? Whole(message.Message.Text) : null;

    private string Whole(string text) => values.Mask(text.Length > MostWholeCharacters
        ? $"{text[..MostWholeCharacters]}… ({text.Length} characters; the rest is left out of the report)"
        : text);

    // The mark every shortened text ends with: "… (207 characters)".
    private static bool IsShortened(string line) => Shortened().IsMatch(line);

    [System.Text.RegularExpressions.GeneratedRegex(@"… \(\d+ characters\)")]
    private static partial System.Text.RegularExpressions.Regex Shortened();

    /// <summary>A line of the conversation, at its moment on the <see cref="Timeline"/>; <see cref="Event"/> is the WebSocket event it tells, if any.</summary>
    private sealed record Told(TimeSpan At, string Line, SessionEvent? Event, string? Whole);

    /// <summary><c>… 9970 more events not shown here (9970 received); the whole conversation: reports/conversations/….txt</c>.</summary>
    private string Omission(IReadOnlyList<SessionEvent> left)
    {
        var sent = left.Count(e => e is MessageEvent { Direction: MessageDirection.Sent });
        var received = left.Count(e => e is MessageEvent { Direction: MessageDirection.Received });
        var kinds = new[] { (sent, "sent"), (received, "received"), (left.Count - sent - received, "other") }
            .Where(k => k.Item1 > 0)
            .Select(k => $"{k.Item1} {k.Item2}");
        var where = FullConversationFile is null ? "" : $"; the whole conversation: {ConversationFiles.Display(FullConversationFile)}";
        return $"… {left.Count} more events not shown here ({string.Join(", ", kinds)}){where}";
    }

    /// <summary>Every line goes to the full file once one is needed: what came before, and all that follows.</summary>
    private void Keep(string during, List<string> lines, bool cut)
    {
        if (lines.Count == 0)
        {
            return;
        }

        var part = new List<string>();
        if (during.Length > 0)
        {
            part.Add(during);
        }

        part.AddRange(lines.Select(l => "  " + l));
        _everything.AddRange(part);
        if (FullConversationFile is null || !(cut || _fileWritten))
        {
            return;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(FullConversationFile)!);
        if (_fileWritten)
        {
            File.AppendAllLines(FullConversationFile, part);
        }
        else
        {
            File.WriteAllLines(FullConversationFile, _everything);
            _fileWritten = true;
        }
    }

    /// <summary>What a line says, and the marks that follow its time.</summary>
    private (string Line, string Marks) Line(WebSocketSession session, SessionEvent sessionEvent) => sessionEvent switch
    {
        // A reconnect starts a new record; the word tells the reader why counts start over here.
        Opened opened => ($"{(session.Reconnections > 0 ? "reconnect" : "open")} {session.DisplayUrl}{Details(session, opened)}", ""),
        MessageEvent { Message.Dialect: { } dialect } message => (DialectLines.Of(dialect, message), $"{Ignored(session, message)}{Breaks(message)}"),
        MessageEvent { Direction: MessageDirection.Sent } sent => ($"→ sent {Format.Message(sent.Message)}", Breaks(sent)),
        MessageEvent received => ($"← received {Format.Message(received.Message)}", $"{Ignored(session, received)}{Breaks(received)}"),
        ErrorEvent error => ($"error: {error.Reason}", ""),
        Closed closed => ($"close {Format.Close(closed.Status, closed.Reason)} (by {closed.By.ToString().ToLowerInvariant()})", ""),
        _ => (sessionEvent.ToString() ?? "", ""),
    };

    // Left out of counts and "next" by the connection's ignore rule, but never out of the conversation.
    // A dialect's plumbing (a hub's handshake and pings) is told in its own words, not marked.
    private static string Ignored(WebSocketSession session, MessageEvent received) => session.Ignored.IgnoresByRule(received) ? " (ignored)" : "";

    // The step fails on it too; the mark shows which line of the conversation did it.
    private string Breaks(MessageEvent message) => contract.Broken(message) ? " (breaks the contract)" : "";

    private static string Details(WebSocketSession session, Opened opened)
    {
        var details = session.DisplayHeaders.Select(h => $"{h.Key}: {h.Value}").ToList();
        if (!string.IsNullOrEmpty(opened.SubProtocol))
        {
            details.Add($"subprotocol {opened.SubProtocol}");
        }

        return details.Count == 0 ? "" : $" ({string.Join(", ", details)})";
    }
}
