using System.Globalization;
using BddWs.Driver;
using Reqnroll;

namespace BddWs.StepDefinitions;

/// <summary>Sending text messages.</summary>
[Binding]
public sealed class SendingSteps(ScenarioConnections connections)
{
    /// <summary>Sends one text message.</summary>
    /// <example>When I send "Hello"</example>
    [When("{who} send(s) {string}")]
    public Task SendText(ConnectionName who, string text) => connections[who].SendAsync(WebSocketMessage.FromText(text));

    /// <summary>Sends the doc string below the step as one text message, line breaks included.</summary>
    /// <example>
    /// When I send:
    ///   """
    ///   first line
    ///   second line
    ///   """
    /// </example>
    [When("{who} send(s):")]
    public Task SendDocString(ConnectionName who, string docString) => SendText(who, docString);

    /// <summary>Sends each row of a one-column table (header <c>message</c>) as its own message, in order.</summary>
    /// <example>
    /// When I send these messages:
    ///   | message |
    ///   | one     |
    ///   | two     |
    /// </example>
    [When("{who} send(s) these messages:")]
    public async Task SendTable(ConnectionName who, DataTable messages)
    {
        foreach (var row in messages.Rows)
        {
            await SendText(who, row[0]);
        }
    }

    /// <summary>Sends that many messages made from a pattern, <c>{n}</c> standing for 1, 2, 3 …</summary>
    /// <example>When I send 100 messages like "ping {n}"</example>
    [When("{who} send(s) {int} messages like {string}")]
    public async Task SendGenerated(ConnectionName who, int count, string pattern)
    {
        for (var n = 1; n <= count; n++)
        {
            await SendText(who, pattern.Replace("{n}", n.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal));
        }
    }
}
