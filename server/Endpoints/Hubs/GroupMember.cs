namespace BddWs.Server.Endpoints.Hubs;

/// <summary>One user in one group of <see cref="ChatRoster"/>.</summary>
public sealed record GroupMember(string Group, string User);
