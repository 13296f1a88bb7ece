using BddWs.Driver;
using Reqnroll;

namespace BddWs.StepDefinitions;

/// <summary>Reads a one-column table of messages: headed <c>message</c> (exact text) or <c>containing</c>.</summary>
public static class MessageTable
{
    public static IReadOnlyList<MessageCheck> Checks(DataTable table)
    {
        var header = table.Header.Count == 1 ? table.Header.Single() : "";
        Func<string, MessageCheck> check = header switch
        {
            "message" => MessageCheck.EqualTo,
            "containing" => MessageCheck.Containing,
            _ => throw new ArgumentException(
                $"The table needs one column, headed \"message\" (each message equals its row) or \"containing\" (each contains it); it has: {string.Join(", ", table.Header)}."),
        };
        return table.Rows.Select(row => check(row[0])).ToList();
    }
}
