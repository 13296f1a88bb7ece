using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace BddWs.Driver.Json;

/// <summary>
/// The values a JSON path takes across the messages that have it (<c>$.seq</c>: 1, 2, 3 …), and
/// where they first break a rule: a run from one number to another, or a rise. Messages without
/// the path (or not JSON) are not part of the sequence.
/// </summary>
public sealed record JsonSequence(JsonPath Path)
{
    /// <summary>The path's values, each with the position of its message (from 1); a value that is not a number is null.</summary>
    public IReadOnlyList<(int Position, string Text, decimal? Number)> ValuesIn(IReadOnlyList<WebSocketMessage> messages)
    {
        var values = new List<(int, string, decimal?)>();
        for (var i = 0; i < messages.Count; i++)
        {
            if (ParsedMessages.TryGet(messages[i], out var document) && Path.TryFind(document, out var value))
            {
                values.Add((i + 1, value?.ToJsonString() ?? "null", Number(value)));
            }
        }

        return values;
    }

    /// <summary>The values run from <paramref name="from"/> to <paramref name="to"/> one by one, up or down.</summary>
    public Expectation RunsFrom(long from, long to)
    {
        var step = from <= to ? 1 : -1;
        var length = Math.Abs(to - from) + 1;
        return new Expectation(
            $"messages where {Path} runs from {from} to {to}",
            events => ValuesIn(events.ReceivedMessages()) switch
            {
                var values when FirstBreak(values, i => from + (step * i), length) is not null => Verdict.Failed,
                var values when values.Count == length => Verdict.Met,
                _ => Verdict.Pending,
            })
        {
            SettlesByRoundTrip = true,
            Seen = events => Told(events, values => FirstBreak(values, i => from + (step * i), length), values =>
                values.Count == 0 ? $"no message had {Path}" : $"{Path} reached {values[^1].Text} in message {values[^1].Position}, {Format.Count(values.Count, "value")} of {length}"),
        };
    }

    /// <summary>Each value is greater than the one before; at least two values.</summary>
    public Expectation Rises() => new Expectation(
        $"messages where {Path} rises",
        events => ValuesIn(events.ReceivedMessages()) switch
        {
            var values when FirstFall(values) is not null => Verdict.Failed,
            var values when values.Count >= 2 => Verdict.Met,
            _ => Verdict.Pending,
        })
    {
        SettlesByRoundTrip = true,
        Seen = events => Told(events, FirstFall, values =>
            $"{(values.Count == 0 ? "no message" : "only 1 message")} had {Path}"),
    };

    private string Told(
        IReadOnlyList<SessionEvent> events,
        Func<IReadOnlyList<(int Position, string Text, decimal? Number)>, string?> findBreak,
        Func<IReadOnlyList<(int Position, string Text, decimal? Number)>, string> shortOf)
    {
        var values = ValuesIn(events.ReceivedMessages());
        return $"received {Format.ReceivedList(events.ReceivedMessages())}; {findBreak(values) ?? shortOf(values)}";
    }

    private string? FirstBreak(IReadOnlyList<(int Position, string Text, decimal? Number)> values, Func<long, long> due, long length)
    {
        for (var i = 0; i < values.Count; i++)
        {
            if (i >= length)
            {
                return $"message {values[i].Position} has {Path} {values[i].Text} after the last, {due(length - 1)}";
            }

            if (values[i].Number != due(i))
            {
                return $"message {values[i].Position} has {Path} {values[i].Text} where {due(i)} was due";
            }
        }

        return null;
    }

    private string? FirstFall(IReadOnlyList<(int Position, string Text, decimal? Number)> values)
    {
        for (var i = 0; i < values.Count; i++)
        {
            if (values[i].Number is null)
            {
                return $"message {values[i].Position} has {Path} {values[i].Text}, not a number";
            }

            if (i > 0 && values[i].Number <= values[i - 1].Number)
            {
                return $"message {values[i].Position} has {Path} {values[i].Text}, not above {values[i - 1].Text} in message {values[i - 1].Position}";
            }
        }

        return null;
    }

    private static decimal? Number(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.Number
            && decimal.TryParse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? number
            : null;
}
