namespace BddWs.Cli.Recording.Drafting;

/// <summary>The end of a plain connection, when a close frame said how it ended.</summary>
internal sealed class CloseItem(DraftConnection connection, bool byClient, int status, string? reason) : DraftItem
{
    public override DraftConnection Connection => connection;

    public override IEnumerable<DraftStep> Steps()
    {
        var withReason = string.IsNullOrEmpty(reason) ? "" : $" and reason {GherkinText.Quote(reason)}";
        if (byClient)
        {
            yield return status == 1000 && withReason.Length == 0
                ? new DraftStep(StepKind.When, $"{connection.Does("close")} the connection")
                : new DraftStep(StepKind.When, $"{connection.Does("close")} the connection with status {status}{withReason}");
        }
        else
        {
            yield return connection.Name is null
                ? new DraftStep(StepKind.Then, $"the server closes the connection with status {status}{withReason}")
                : new DraftStep(StepKind.Then, $"{connection.Does("get")} a close event with status {status}");
        }
    }
}
