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

    /// <summary>Bad input, as a real step reports it: an argument error with a sentence for the reader.</summary>
    [Given("a table of notes:")]
    public void TableOfNotes(DataTable table) => _notes.AddRange(table.Header.Contains("note")
        ? table.Rows.Select(r => r["note"])
        : throw new ArgumentException($"The table needs the column \"note\"; it has: {string.Join(", ", table.Header)}."));

    /// <summary>Bad input found after an await, which Reqnroll wraps as a binding error.</summary>
    [When("I wait for the note {string}")]
    public async Task WaitForNote(string text)
    {
        await Task.Yield();
        if (!_notes.Contains(text))
        {
            throw new ArgumentException($"There is no note \"{text}\" to wait for.");
        }
    }

    /// <summary>Bad input in a placeholder: the transformation itself refuses it.</summary>
    [StepArgumentTransformation(@"(\d+st|\d+nd|\d+rd|\d+th)", Name = "rank")]
    public int Rank(string word)
    {
        var rank = int.Parse(word[..^2], System.Globalization.CultureInfo.InvariantCulture);
        return rank >= 1 ? rank : throw new FormatException($"\"{word}\" is not a rank: ranks count from 1st.");
    }

    [Then("the {rank} note is {string}")]
    public void NoteAt(int rank, string text)
    {
        if (_notes[rank - 1] != text)
        {
            throw new InvalidOperationException($"expected note {rank} to be \"{text}\" but it is \"{_notes[rank - 1]}\"");
        }
    }

    /// <summary>A fault in the code, not the feature: it keeps its stack trace for the developer.</summary>
    [When("a step has a bug")]
    public void Bug() => _ = _notes[99];

    [Then("there are {int} notes")]
    public void Count(int expected)
    {
        if (_notes.Count != expected)
        {
            throw new InvalidOperationException($"expected {expected} notes but there are {_notes.Count}");
        }
    }
}
