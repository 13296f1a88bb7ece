namespace BddWs.Cli.Recording.Proxy;

/// <summary>Bytes that passed one way on an upgraded connection, copied, with when they passed.</summary>
internal readonly record struct Chunk(TimeSpan At, byte[] Bytes);
