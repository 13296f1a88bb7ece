namespace BddWs.Server.Endpoints.Hubs;

/// <summary>What <see cref="ChatHub.GetRoom"/> answers: <c>{"name":"room","members":["ada","grace"]}</c>, members in ordinal order.</summary>
public sealed record ChatRoom(string Name, IReadOnlyList<string> Members);
