namespace BddWs.Server.ScaleOut;

/// <summary>The server running alone: there are no other instances to tell or to hear from.</summary>
public sealed class SingleInstance : IInstanceBus
{
    public string? RedisState => null;

    public Task PublishAsync(string topic, ReadOnlyMemory<byte> message) => Task.CompletedTask;

    public void Subscribe(string topic, Action<ReadOnlyMemory<byte>> fromAnotherInstance)
    {
        // Nothing ever comes.
    }
}
