namespace BddWs.Cli.Merging;

/// <summary>Inputs that cannot make one report (the same shard twice, shards of different splits …); the message says which.</summary>
public sealed class MergeRefusedException(string message) : Exception(message);
