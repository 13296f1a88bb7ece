namespace BddWs.Cli.Running;

/// <summary>
/// The suite's shard settings for a run it starts: <c>--shard</c> as <c>BDDWS_SHARD</c> (the suite reads
/// and checks it), and the report folder and earlier run it names, <c>BDDWS_REPORTS</c> and
/// <c>BDDWS_SHARD_DURATIONS</c>, made full paths: the run starts in the suite's folder, and a relative
/// path means the folder the command was typed in.
/// </summary>
public static class ShardEnvironment
{
    public const string ShardVariable = "BDDWS_SHARD";

    private static readonly string[] PathVariables = ["BDDWS_REPORTS", "BDDWS_SHARD_DURATIONS"];

    public static IReadOnlyDictionary<string, string> For(string? shard, Func<string, string?> environment, string currentFolder)
    {
        var variables = new Dictionary<string, string>();
        if (shard is { Length: > 0 })
        {
            variables[ShardVariable] = shard;
        }

        foreach (var name in PathVariables)
        {
            if (environment(name) is { Length: > 0 } path)
            {
                variables[name] = Path.GetFullPath(path, currentFolder);
            }
        }

        return variables;
    }
}
