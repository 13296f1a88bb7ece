using System.Text.RegularExpressions;

namespace BddWs.Driver.Contracts;

/// <summary>
/// A channel of a contract, as a WebSocket path (<c>/json</c>, <c>/rooms/{room}</c>: a parameter
/// stands for one path segment), and the messages the client may send on it and receive on it.
/// </summary>
public sealed class ContractChannel(string address, IReadOnlyList<ContractMessage> sent, IReadOnlyList<ContractMessage> received)
{
    private readonly Regex _path = new(
        "^/?" + string.Concat(Regex.Split(address.TrimStart('/'), @"(\{[^}/]+\})").Select(part =>
            part.StartsWith('{') && part.EndsWith('}') ? "[^/]+" : Regex.Escape(part))) + "/?$",
        RegexOptions.CultureInvariant);

    /// <summary>The channel's address as the contract writes it.</summary>
    public string Address { get; } = address;

    /// <summary>What the client may send here (what the service receives).</summary>
    public IReadOnlyList<ContractMessage> Sent { get; } = sent;

    /// <summary>What the client may receive here (what the service sends).</summary>
    public IReadOnlyList<ContractMessage> Received { get; } = received;

    /// <summary>Whether a connection to <paramref name="path"/> (a URL's path, no query) is on this channel.</summary>
    public bool Serves(string path) => _path.IsMatch(path);

    public IReadOnlyList<ContractMessage> For(MessageDirection direction) =>
        direction == MessageDirection.Sent ? Sent : Received;
}
