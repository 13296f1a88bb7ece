using Microsoft.AspNetCore.SignalR;

namespace BddWs.Server.Endpoints.Hubs;

/// <summary>Checks of what a client passes to a hub method, refused with a <see cref="HubException"/> whose message the client sees.</summary>
public static class HubArguments
{
    /// <summary>The longest user or group name, in characters.</summary>
    public const int MaxNameLength = 100;

    /// <summary><paramref name="value"/> when it is a text of 1 to <see cref="MaxNameLength"/> characters; otherwise "<paramref name="what"/> must be a text of 1 to 100 characters".</summary>
    public static string Name(string? value, string what) =>
        value is { Length: > 0 and <= MaxNameLength }
            ? value
            : throw new HubException($"{what} must be a text of 1 to {MaxNameLength} characters");

    /// <summary><paramref name="value"/> when it is not null (a JSON client may send null); otherwise "<paramref name="what"/> must be a text".</summary>
    public static string Text(string? value, string what) =>
        value ?? throw new HubException($"{what} must be a text");
}
