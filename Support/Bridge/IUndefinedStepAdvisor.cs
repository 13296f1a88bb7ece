namespace BddWs.Bridge;

/// <summary>
/// Suggests existing sentences for a step no binding matches. Optional: when a suite registers
/// one in Reqnroll's container, the failure of an undefined step lists its suggestions.
/// </summary>
public interface IUndefinedStepAdvisor
{
    /// <summary>Whole sentences, keyword first, closest first.</summary>
    IReadOnlyList<string> ClosestSentences(string keyword, string text);
}
