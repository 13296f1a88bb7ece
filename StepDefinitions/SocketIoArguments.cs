using System.Text.Json;
using System.Text.Json.Nodes;
using BddWs.Driver.Json;

namespace BddWs.StepDefinitions;

/// <summary>
/// The arguments of a Socket.IO event or acknowledgement as a sentence writes them: JSON values separated
/// by commas (<c>"ada", "hi"</c>, <c>{"item":"book"}, 2</c>), as <see cref="SocketIoParameterTypes.Arguments"/> reads them.
/// </summary>
public sealed record SocketIoArguments(string Text)
{
    /// <summary>The values to send; placeholders are refused by the emit.</summary>
    public JsonArray Values(string what)
    {
        try
        {
            return JsonNode.Parse($"[{Text}]") as JsonArray ?? [];
        }
        catch (JsonException ex)
        {
            throw new FormatException($"{what} ({Text}) are not JSON values separated by commas (write text in double quotes, as in \"ada\", 2, true).", ex);
        }
    }

    /// <summary>The list of arguments expected, placeholders read as in every JSON expectation.</summary>
    public JsonDocumentPattern Pattern() => JsonDocumentPattern.EqualTo($"[{Text}]");
}
