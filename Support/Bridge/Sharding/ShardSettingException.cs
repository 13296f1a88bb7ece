namespace BddWs.Bridge.Sharding;

/// <summary>A shard setting that cannot be used (<c>BDDWS_SHARD</c>, <c>BDDWS_SHARD_DURATIONS</c>); the message says why, in one line.</summary>
public sealed class ShardSettingException(string message) : Exception(message);
