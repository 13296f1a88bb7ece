using BddWs.Specs.Support.Reporting;
using Reqnroll;

namespace BddWs.Specs.Support.Hooks;

/// <summary>Starts every run without the full-conversation files of the run before.</summary>
[Binding]
public sealed class ConversationFileHooks
{
    [BeforeTestRun]
    public static void ClearConversationFiles() => ConversationFiles.Clear();
}
