namespace BddWs.Server.Endpoints;

/// <summary>A chat message on its way to the members of its room on the other instances.</summary>
public sealed record ChatTravel(string Room, bool Binary, byte[] Payload);
