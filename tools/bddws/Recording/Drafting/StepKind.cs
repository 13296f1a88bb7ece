namespace BddWs.Cli.Recording.Drafting;

/// <summary>What a step of the draft does: sets the scene, acts, or expects.</summary>
internal enum StepKind
{
    Given,
    When,
    Then,
}
