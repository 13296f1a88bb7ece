using System.Text.RegularExpressions;

namespace BddWs.StepDefinitions.Tests.Helpers;

/// <summary>Lines of the report's conversation as a test compares them: without their times, which vary from run to run.</summary>
public static partial class ReportLines
{
    /// <summary>The line without its <c> (+12 ms)</c>, wherever it stands.</summary>
    public static string WithoutTime(string line) => Time().Replace(line, "");

    public static IEnumerable<string> WithoutTimes(IEnumerable<string> lines) => lines.Select(WithoutTime);

    [GeneratedRegex(@" \(\+[0-9.]+ ?(ms|s)\)")]
    private static partial Regex Time();
}
