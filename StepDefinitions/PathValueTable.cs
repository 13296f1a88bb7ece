using BddWs.Driver.Json;
using Reqnroll;

namespace BddWs.StepDefinitions;

/// <summary>Reads a table of <c>path</c> and <c>value</c> rows (<c>$.status | ok</c>), for a JSON message sent or expected and a response expected.</summary>
public static class PathValueTable
{
    public static IReadOnlyList<KeyValuePair<string, string>> Rows(DataTable table)
    {
        if (!table.Header.SequenceEqual(["path", "value"]))
        {
            throw new ArgumentException($"The table needs the columns \"path\" and \"value\"; it has: {string.Join(", ", table.Header)}.");
        }

        return table.Rows.Select(row => new KeyValuePair<string, string>(row["path"], row["value"])).ToList();
    }

    /// <summary>
    /// Each row as an expected value at its path, placeholders read as everywhere (<c>(missing)</c> for an
    /// absent one); <c>(remember name)</c> only where the sentence remembers (<paramref name="remembering"/>).
    /// </summary>
    public static IReadOnlyList<JsonExpectation> Expectations(DataTable table, bool remembering = false) =>
        Rows(table).Select(r => JsonExpectation.Parse(r.Key, r.Value, remembering)).ToList();
}
