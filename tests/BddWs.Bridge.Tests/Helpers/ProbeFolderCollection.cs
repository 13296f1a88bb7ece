namespace BddWs.Bridge.Tests.Helpers;

/// <summary>
/// The tests that run the bridge probe in its own folder, one class after the other: every run of a
/// suite starts by clearing what the last one left in its reports/ folder (the code of undefined
/// steps), so a run starting there while another is read would take away what the other wrote.
/// </summary>
[Xunit.CollectionDefinition(Name)]
public sealed class ProbeFolderCollection
{
    public const string Name = "Runs of the bridge probe in its own folder";
}
