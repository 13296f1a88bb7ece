using BddWs.Driver;
using BddWs.Driver.Values;
using BddWs.ReqnrollPlugin.Files;
using Reqnroll;

namespace BddWs.StepDefinitions;

/// <summary>
/// Payloads: messages of a given size (to reach a server's limit) and the content of files kept next
/// to the feature (<c>features/payloads/order.json</c> is <c>"payloads/order.json"</c> from a feature in <c>features/</c>).
/// </summary>
[Binding]
public sealed class PayloadSteps(ScenarioConnections connections, FeatureFiles files, ScenarioValues values)
{
    /// <summary>
    /// Sends one text message of that many characters, the digits <c>0123456789</c> over and over (the
    /// same on every run; the report shows its start and its length).
    /// </summary>
    /// <example>When I send a text message of 2000000 characters</example>
    [When("{who} send(s) a text message of {int} characters")]
    public Task SendTextOfLength(ConnectionName who, int characters) => connections[who].SendAsync(SizedMessage.Text(characters));

    /// <summary>
    /// Sends one text message of this size in bytes (the digits <c>0123456789</c> over and over, one byte
    /// each): <c>bytes</c>, <c>KB</c> and <c>MB</c> count in thousands, <c>KiB</c> and <c>MiB</c> in 1024s.
    /// </summary>
    /// <example>When "Bob" sends a text message of 64 KiB</example>
    [When("{who} send(s) a text message of {size}")]
    public Task SendTextOfSize(ConnectionName who, ByteCount size) => SendTextOfLength(who, size.Bytes);

    /// <summary>
    /// Sends one binary message of this size: the bytes <c>00 01 02 … ff</c> over and over;
    /// <c>bytes</c>, <c>KB</c> and <c>MB</c> count in thousands, <c>KiB</c> and <c>MiB</c> in 1024s.
    /// </summary>
    /// <example>When I send a binary message of 1 MiB</example>
    [When("{who} send(s) a binary message of {size}")]
    public Task SendBinaryOfSize(ConnectionName who, ByteCount size) => connections[who].SendAsync(SizedMessage.Binary(size.Bytes));

    /// <summary>
    /// Sends the content of a file next to the feature as one text message. A <c>.json</c> file is checked
    /// and sent compact; <c>${name}</c> in a text or JSON file is replaced by the remembered value (or the
    /// environment variable) first, as in a sentence.
    /// </summary>
    /// <example>When I send the content of "payloads/order.json"</example>
    [When("{who} send(s) the content of {string}")]
    public Task SendFile(ConnectionName who, string name) =>
        connections[who].SendAsync(FileMessage.Text(name, values.Expand(files.ReadText(name))));

    /// <summary>Sends the content of a file next to the feature as one binary message, byte for byte (nothing in it is replaced).</summary>
    /// <example>When "Bob" sends the binary content of "payloads/pixel.png"</example>
    [When("{who} send(s) the binary content of {string}")]
    public Task SendBinaryFile(ConnectionName who, string name) =>
        connections[who].SendAsync(WebSocketMessage.FromBytes(files.ReadBytes(name)));
}
