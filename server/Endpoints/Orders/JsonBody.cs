using System.Text.Json;
using BddWs.Server.Hardening;

namespace BddWs.Server.Endpoints.Orders;

/// <summary>
/// A request body that must be a JSON object: read whole, up to <see cref="LimitsOptions.MaxMessageBytes"/>,
/// or refused with a one-line reason (400, or 413 when too large).
/// </summary>
public sealed class JsonBody : IDisposable
{
    private readonly JsonDocument? _document;

    private JsonBody(JsonDocument? document, IResult? rejection)
    {
        _document = document;
        Rejection = rejection;
    }

    /// <summary>The answer to give instead, when the body is not a JSON object; null when it is.</summary>
    public IResult? Rejection { get; }

    /// <summary>The object; only when <see cref="Rejection"/> is null.</summary>
    public JsonElement Object => _document?.RootElement ?? throw new InvalidOperationException("The body was refused.");

    /// <summary>Reads the body of <paramref name="request"/>.</summary>
    public static async Task<JsonBody> ReadAsync(HttpRequest request, int maxBytes)
    {
        if (request.ContentLength > maxBytes)
        {
            return TooLarge(maxBytes);
        }

        // Reads one byte past the limit, no more, to tell a body that is too large from one that fits.
        using var body = new MemoryStream();
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(buffer, request.HttpContext.RequestAborted)) > 0)
        {
            body.Write(buffer, 0, read);
            if (body.Length > maxBytes)
            {
                return TooLarge(maxBytes);
            }
        }

        if (body.Length == 0)
        {
            return Refused("the body must be a JSON object, and it is empty");
        }

        var document = JsonSyntax.TryParse(body.ToArray(), out var where);
        if (document is null)
        {
            return Refused($"the body is not valid JSON ({where})");
        }

        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            document.Dispose();
            return Refused("the body must be a JSON object");
        }

        return new JsonBody(document, null);
    }

    /// <inheritdoc/>
    public void Dispose() => _document?.Dispose();

    private static JsonBody Refused(string error) => new(null, ApiResults.Error(StatusCodes.Status400BadRequest, error));

    private static JsonBody TooLarge(int maxBytes) =>
        new(null, ApiResults.Error(StatusCodes.Status413PayloadTooLarge, $"the body must be at most {maxBytes} bytes"));
}
