using BddWs.Driver.Values;
using Reqnroll;

namespace BddWs.ReqnrollPlugin.Values;

/// <summary>
/// Puts remembered values into a step's arguments just before it runs: every <c>${name}</c> in
/// quoted text, a doc string or a table cell (URLs, paths, headers and expected values are all
/// among these). Done here, once for every step, no sentence has to think of it.
/// </summary>
public static class StepArguments
{
    public static object[] Expand(object[] arguments, ScenarioValues values, ICollection<Substitution> used)
    {
        var expanded = new object[arguments.Length];
        for (var i = 0; i < arguments.Length; i++)
        {
            expanded[i] = arguments[i] switch
            {
                string text => values.Expand(text, used),
                DataTable table => Expand(table, values, used),
                var other => other,
            };
        }

        return expanded;
    }

    private static DataTable Expand(DataTable table, ScenarioValues values, ICollection<Substitution> used)
    {
        var expanded = new DataTable(table.Header.Select(h => values.Expand(h, used)).ToArray());
        foreach (var row in table.Rows)
        {
            expanded.AddRow(row.Values.Select(cell => values.Expand(cell, used)).ToArray());
        }

        return expanded;
    }
}
