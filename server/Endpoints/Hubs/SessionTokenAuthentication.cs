using System.Security.Claims;
using System.Text.Encodings.Web;
using BddWs.Server.Endpoints.Orders;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace BddWs.Server.Endpoints.Hubs;

/// <summary>
/// ASP.NET Core authentication by the tokens of <c>POST /api/login</c> (<see cref="SessionTokens"/>),
/// so a hub can say <c>[Authorize]</c>. A request without a valid token is answered 401 with
/// <c>WWW-Authenticate: Bearer</c> and the orders service's JSON error.
/// </summary>
public sealed class SessionTokenAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory loggers, UrlEncoder encoder, SessionTokens tokens)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggers, encoder)
{
    /// <summary>The scheme's name.</summary>
    public const string SchemeName = "SessionToken";

    /// <inheritdoc/>
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (tokens.UserOf(Request) is not { } user)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, user), new Claim(ClaimTypes.NameIdentifier, user)], SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }

    /// <inheritdoc/>
    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        ApiResults.Unauthorized(Context).ExecuteAsync(Context);
}
