using System.Security.Cryptography;
using System.Text;
using BddWs.Server.Hardening;
using Microsoft.Extensions.Options;

namespace BddWs.Server.Endpoints.Orders;

/// <summary>
/// <c>POST /api/login</c> with <c>{"user":"ada","password":"..."}</c>: any user whose password is
/// <see cref="OrdersOptions.Password"/> gets <c>{"token":"...","user":"ada","expiresIn":3600}</c>;
/// a wrong password 401 <c>{"error":"invalid credentials"}</c>, a bad body 400.
/// </summary>
public static class LoginEndpoint
{
    /// <summary>Where users log in.</summary>
    public const string Path = "/api/login";

    /// <summary>The longest user name, in characters.</summary>
    public const int MaxUserLength = 100;

    /// <summary>Serves the login at <see cref="Path"/>.</summary>
    public static IEndpointRouteBuilder MapLogin(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(Path, LogInAsync);
        return endpoints;
    }

    private static async Task<IResult> LogInAsync(
        HttpRequest request, SessionTokens tokens, IOptions<OrdersOptions> options, IOptions<LimitsOptions> limits)
    {
        using var body = await JsonBody.ReadAsync(request, limits.Value.MaxMessageBytes);
        if (body.Rejection is { } rejection)
        {
            return rejection;
        }

        if (JsonFields.String(body.Object, "user") is not { Length: > 0 and <= MaxUserLength } user)
        {
            return ApiResults.Error(StatusCodes.Status400BadRequest, $"user must be a text of 1 to {MaxUserLength} characters");
        }

        if (JsonFields.String(body.Object, "password") is not { } password)
        {
            return ApiResults.Error(StatusCodes.Status400BadRequest, "password must be a text");
        }

        if (!SamePassword(password, options.Value.Password))
        {
            return ApiResults.Error(StatusCodes.Status401Unauthorized, "invalid credentials");
        }

        var token = tokens.Issue(user);
        var expiresIn = (long)options.Value.TokenLifetime.TotalSeconds;
        return ApiResults.Json(StatusCodes.Status200OK, CompactJson.Object(json =>
        {
            json.WriteString("token", token);
            json.WriteString("user", user);
            json.WriteNumber("expiresIn", expiresIn);
        }));
    }

    // Constant-time, so response timing does not reveal how much of a guess was right.
    private static bool SamePassword(string offered, string expected) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(offered), Encoding.UTF8.GetBytes(expected));
}
