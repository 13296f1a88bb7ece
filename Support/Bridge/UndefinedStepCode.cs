using System.Text;

namespace BddWs.Bridge;

/// <summary>
/// The code a developer adds to define each step of the run that no sentence matched, written to
/// one file beside the report (<c>reports/undefined-steps.md</c>), so the failure and the report
/// can show the product owner the closest sentences alone and say in one line where the code is.
/// The file belongs to the run: removed as the run starts, so it is there only while a step is undefined.
/// </summary>
public static class UndefinedStepCode
{
    public const string FileName = "undefined-steps.md";

    private static readonly Lock Gate = new();
    private static readonly List<(string Step, string Where, string Code)> Steps = [];

    /// <summary>The file, in the folder of the report set in <c>reqnroll.json</c>.</summary>
    public static string FilePath => Path.Combine(SuiteFolder.Reports(), FileName);

    /// <summary>The line the failure and the report end with.</summary>
    public static string WhereLine => $"A developer finds the code to add this step in {Shown(FilePath)}.";

    /// <summary>As the run starts: the steps of an earlier run are no longer undefined, or will be found again.</summary>
    public static void Start()
    {
        lock (Gate)
        {
            Steps.Clear();
            // A new suite has no report folder yet.
            if (File.Exists(FilePath))
            {
                File.Delete(FilePath);
            }
        }
    }

    /// <summary>One undefined step and its code; the same code is kept once.</summary>
    public static void Add(string step, string where, string code)
    {
        lock (Gate)
        {
            if (Steps.Any(s => s.Code == code))
            {
                return;
            }

            Steps.Add((step, where, code));
            Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
            File.WriteAllText(FilePath, Render());
        }
    }

    private static string Render()
    {
        var md = new StringBuilder();
        md.Append("# Undefined steps\n\n");
        md.Append("The last run met steps that no sentence matches. When one of the closest sentences shown with the failure is the one\n");
        md.Append("meant, change the feature. Otherwise add the sentence: paste its code into a class marked `[Binding]` (`using Reqnroll;`),\n");
        md.Append("make it call the driver, and give it a `/// <summary>` and an `/// <example>` for the step catalog.\n");
        foreach (var (step, where, code) in Steps)
        {
            md.Append($"\n## {step}\n\n");
            if (where.Length > 0)
            {
                md.Append($"In {where}.\n\n");
            }

            md.Append("```csharp\n").Append(code.Replace("\r\n", "\n", StringComparison.Ordinal).Trim('\n')).Append("\n```\n");
        }

        return md.ToString();
    }

    /// <summary>Relative to the suite's folder where it lies inside it (<c>reports/undefined-steps.md</c>), else in full.</summary>
    private static string Shown(string path)
    {
        var relative = Path.GetRelativePath(SuiteFolder.Root, path);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? path : relative.Replace('\\', '/');
    }
}
