using System.Collections.Concurrent;

namespace BddWs.Driver.Hubs;

/// <summary>
/// The answers one named connection gives to the hub's questions, by client method: given by a
/// scenario before the question comes (even before the connection opens), kept across a reconnect.
/// Read on the socket's thread when a question arrives, written by steps: hence concurrent.
/// </summary>
public sealed class HubAnswers
{
    private readonly ConcurrentDictionary<string, HubAnswer> _byMethod = new(StringComparer.Ordinal);

    /// <summary>Answers every later question of <paramref name="method"/> with <paramref name="answer"/>, instead of any answer given before.</summary>
    public void Give(string method, HubAnswer answer) => _byMethod[method] = answer;

    /// <summary>The answer to a question of <paramref name="method"/>: the one given, or <see cref="HubAnswer.NoneGiven"/>.</summary>
    public HubAnswer For(string? method) => method is not null && _byMethod.TryGetValue(method, out var answer) ? answer : HubAnswer.NoneGiven;
}
