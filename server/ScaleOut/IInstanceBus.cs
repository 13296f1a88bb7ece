namespace BddWs.Server.ScaleOut;

/// <summary>
/// How the chat rooms and the orders service tell the other instances of the service what happened
/// here, and hear what happened there. Alone (<see cref="SingleInstance"/>) there is nobody to tell;
/// with <c>ScaleOut:Redis</c> set (<see cref="RedisInstanceBus"/>) it is Redis pub/sub.
/// </summary>
public interface IInstanceBus
{
    /// <summary><c>connected</c> or <c>unreachable</c> while scaled out on Redis; null for a server that runs alone.</summary>
    string? RedisState { get; }

    /// <summary>Sends <paramref name="message"/> on <paramref name="topic"/> to every other instance.</summary>
    /// <exception cref="InstancesUnreachableException">The other instances cannot be reached now.</exception>
    Task PublishAsync(string topic, ReadOnlyMemory<byte> message);

    /// <summary>
    /// Hands every message another instance publishes on <paramref name="topic"/> to
    /// <paramref name="fromAnotherInstance"/>; what this instance publishes is not handed back.
    /// </summary>
    void Subscribe(string topic, Action<ReadOnlyMemory<byte>> fromAnotherInstance);
}
