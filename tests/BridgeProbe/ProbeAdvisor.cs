using BddWs.Bridge;

namespace BridgeProbe;

/// <summary>Suggests one fixed sentence, so the tests can see advice reach an undefined step's failure.</summary>
public sealed class ProbeAdvisor : IUndefinedStepAdvisor
{
    public IReadOnlyList<string> ClosestSentences(string keyword, string text) => [$"{keyword} I write \"{text}\" to the output"];
}
