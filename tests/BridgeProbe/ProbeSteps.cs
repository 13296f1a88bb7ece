using Reqnroll;

namespace BridgeProbe;

[Binding]
public sealed class ProbeSteps(IReqnrollOutputHelper output)
{
    private readonly List<string> _notes = [];

    [Given("a note {string}")]
    public void Note(string text) => _notes.Add(text);

    [Given("notes:")]
    public void Notes(DataTable table) => _notes.AddRange(table.Rows.Select(r => r["note"]));

    [Given("a long note:")]
    public void LongNote(string docString) => _notes.Add(docString);

    [When("I write {string} to the output")]
    public void Write(string text) => output.WriteLine(text);

    [Then("there are {int} notes")]
    public void Count(int expected)
    {
        if (_notes.Count != expected)
        {
            throw new InvalidOperationException($"expected {expected} notes but there are {_notes.Count}");
        }
    }
}
