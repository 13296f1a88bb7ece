namespace BddWs.Cli.Recording.Drafting;

/// <summary>How a draft is named: its feature and scenario titles.</summary>
public sealed record DraftOptions(string FeatureName = "Recorded session", string ScenarioName = "A recorded session");
