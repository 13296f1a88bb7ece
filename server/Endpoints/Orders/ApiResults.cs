using System.Text;

namespace BddWs.Server.Endpoints.Orders;

/// <summary>The HTTP answers of the orders service: JSON bodies, errors as <c>{"error":"..."}</c>.</summary>
public static class ApiResults
{
    /// <summary>A JSON body with the given status.</summary>
    public static IResult Json(int status, ReadOnlyMemory<byte> json) =>
        Results.Text(Encoding.UTF8.GetString(json.Span), "application/json", Encoding.UTF8, status);

    /// <summary><c>{"error":"..."}</c> with the given status.</summary>
    public static IResult Error(int status, string error) =>
        Json(status, CompactJson.Object(json => json.WriteString("error", error)));

    /// <summary>401 with <c>WWW-Authenticate: Bearer</c>, for a request without a valid token.</summary>
    public static IResult Unauthorized(HttpContext context)
    {
        context.Response.Headers.WWWAuthenticate = "Bearer";
        return Error(StatusCodes.Status401Unauthorized, "a valid bearer token is required: log in with POST /api/login");
    }
}
