namespace BddWs.Server.Endpoints;

/// <summary>Settings of <c>/chat</c>, from the configuration section <c>Chat</c> (e.g. <c>--Chat:QueueLimit=8</c>).</summary>
public sealed class ChatOptions
{
    /// <summary>The configuration section these settings are read from.</summary>
    public const string Section = "Chat";

    /// <summary>
    /// How many relayed messages may wait for one member that is not reading; a member further
    /// behind is dropped, so it cannot hold up the room or fill the server's memory.
    /// </summary>
    public int QueueLimit { get; set; } = 256;
}
