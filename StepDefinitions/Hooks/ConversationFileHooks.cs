using BddWs.ReqnrollPlugin.Reporting;
using Reqnroll;

namespace BddWs.StepDefinitions.Hooks;

/// <summary>Starts every run without the full-conversation files of the run before.</summary>
[Binding]
public sealed class ConversationFileHooks
{
    [BeforeTestRun]
    public static void ClearConversationFiles() => ConversationFiles.Clear();
}
