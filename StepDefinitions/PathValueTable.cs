using Reqnroll;

namespace BddWs.StepDefinitions;

/// <summary>Reads a table of <c>path</c> and <c>value</c> rows (<c>$.status | ok</c>).</summary>
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
}
