namespace BddWs.Server.ScaleOut;

/// <summary>A message could not be handed to Redis, so the other instances of the service will not get it.</summary>
public sealed class InstancesUnreachableException(string reason, Exception inner) : Exception(reason, inner);
