using System.Text.Json;

namespace BddWs.Server.Endpoints;

/// <summary>Reads the fields of a <c>/json</c> command; null means missing or not of the kind asked for.</summary>
public static class JsonFields
{
    /// <summary>The command a request names: the string <c>type</c> of an object, else null.</summary>
    public static string? CommandOf(JsonElement request) =>
        request.ValueKind == JsonValueKind.Object ? String(request, "type") : null;

    /// <summary>A string property.</summary>
    public static string? String(JsonElement request, string name) =>
        request.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>An integer property from <paramref name="min"/> to <paramref name="max"/>.</summary>
    public static int? Integer(JsonElement request, string name, int min, int max) =>
        request.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number
        && value.TryGetInt32(out var number) && number >= min && number <= max
            ? number
            : null;

    /// <summary>An array of numbers, each representable as a decimal.</summary>
    public static IReadOnlyList<decimal>? Numbers(JsonElement request, string name)
    {
        if (!request.TryGetProperty(name, out var array) || array.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        var numbers = new List<decimal>();
        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Number || !item.TryGetDecimal(out var number))
            {
                return null;
            }

            numbers.Add(number);
        }

        return numbers;
    }
}
