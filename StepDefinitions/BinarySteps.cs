using BddWs.Driver;
using BddWs.StepDefinitions.Assertions;
using Reqnroll;

namespace BddWs.StepDefinitions;

/// <summary>Binary messages, written as hexadecimal bytes (<c>01 02 ff</c>) or base64.</summary>
[Binding]
public sealed class BinarySteps(ScenarioConnections connections, SuiteSettings settings)
{
    /// <summary>Sends one binary message of these bytes, in hexadecimal (spaces optional).</summary>
    /// <example>When I send the bytes "01 02 ff"</example>
    [When("{who} send(s) the bytes {string}")]
    public Task SendHex(ConnectionName who, string hex) => connections[who].SendAsync(WebSocketMessage.FromBytes(Bytes.FromHex(hex)));

    /// <summary>Sends one binary message of these bytes, written in base64.</summary>
    /// <example>When I send the base64 bytes "AQL/"</example>
    [When("{who} send(s) the base64 bytes {string}")]
    public Task SendBase64(ConnectionName who, string base64) => connections[who].SendAsync(WebSocketMessage.FromBytes(Bytes.FromBase64(base64)));

    /// <summary>Some binary message so far is exactly these bytes, in hexadecimal.</summary>
    /// <example>Then I receive the bytes "01 02 ff"</example>
    [Then("{who} receive(s) the bytes {string}{within}")]
    public Task ReceiveHex(ConnectionName who, string hex, Within within = default) =>
        connections[who].ShouldMeetAsync(Expect.AnyMessage(MessageCheck.Bytes(Bytes.FromHex(hex))), within.Or(settings.Timeout));
}
