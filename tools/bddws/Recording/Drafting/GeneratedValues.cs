using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace BddWs.Cli.Recording.Drafting;

/// <summary>
/// Values that look made up by the service, which the next run will not repeat: ids, times,
/// tokens, uuids. Each becomes the placeholder that still says what kind of value it was.
/// </summary>
internal static partial class GeneratedValues
{
    /// <summary>An ISO 8601 time, as <c>(matching …)</c> takes it (no backslashes: the draft reads better without).</summary>
    public const string TimePattern = "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}";

    public const string UuidPattern = "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$";

    private static readonly string[] IdNames = ["id", "uuid", "guid", "session", "sessionid", "requestid", "correlationid", "nonce", "etag", "sid", "connectionid", "connectiontoken"];

    private static readonly string[] TimeNames = ["at", "time", "timestamp", "ts", "date", "created", "updated", "expires", "createdat", "updatedat", "sentat", "expiresat"];

    /// <summary>True when the value under <paramref name="field"/> looks generated.</summary>
    public static bool Looks(JsonValue value, string? field)
    {
        var name = (field ?? "").Replace("_", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal).ToLowerInvariant();
        switch (value.GetValueKind())
        {
            case JsonValueKind.String:
                var text = value.GetValue<string>();

                // A path (a Location) is the service's address for something, not a value it made up.
                return !text.StartsWith('/') && (LooksLikeTime(text) || Uuid().IsMatch(text) || Jwt().IsMatch(text)
                    || (IdNames.Contains(name) || name.EndsWith("id", StringComparison.Ordinal)) && text.Length >= 6 && Token().IsMatch(text)
                    || text.Length >= 16 && Token().IsMatch(text) && text.Any(char.IsDigit) && text.Any(char.IsLetter)
                    || text.Length >= 16 && Hex().IsMatch(text));
            case JsonValueKind.Number:
                // Epoch times, in seconds or milliseconds, and numbers under a time's name.
                return TimeNames.Contains(name) || value.TryGetValue<double>(out var number) && number >= 1_000_000_000 && number == Math.Floor(number);
            default:
                return false;
        }
    }

    public static bool LooksLikeTime(string text) => IsoTime().IsMatch(text);

    /// <summary>The placeholder for a value whose exact form the next run will not repeat.</summary>
    public static string Placeholder(JsonValue value)
    {
        if (value.GetValueKind() == JsonValueKind.Number)
        {
            return "(any number)";
        }

        if (value.GetValueKind() != JsonValueKind.String)
        {
            return "(any)";
        }

        var text = value.GetValue<string>();
        return LooksLikeTime(text) ? $"(matching {TimePattern})"
            : Uuid().IsMatch(text) ? $"(matching {UuidPattern})"
            : "(any string)";
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$")]
    private static partial Regex IsoTime();

    [GeneratedRegex("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")]
    private static partial Regex Uuid();

    [GeneratedRegex(@"^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$")]
    private static partial Regex Jwt();

    [GeneratedRegex("^[A-Za-z0-9_+/=-]+$")]
    private static partial Regex Token();

    [GeneratedRegex("^[0-9a-fA-F]+$")]
    private static partial Regex Hex();
}
