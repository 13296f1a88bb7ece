using BddWs.Driver;
using BddWs.Driver.Http;
using BddWs.Driver.Json;
using BddWs.Driver.Values;

namespace BddWs.StepDefinitions.Assertions;

/// <summary>Checks of the answer to the scenario's last HTTP request, each failure one line naming the request and what it answered.</summary>
public static class ResponseAssertions
{
    public static void ShouldHaveStatus(this HttpExchange? last, int status)
    {
        var reply = Answered(last, $"status {status}");
        Verify.That(reply.Status == status, () => $"Expected {last!.Request} to answer with status {status}, but it answered {Outcome(reply)}.");
    }

    public static void ShouldHaveHeader(this HttpExchange? last, string name, string value, bool containing)
    {
        if (!containing)
        {
            JsonPlaceholder.RefuseAsText(value, "a header's value");
        }

        var expected = $"the header \"{name}\" {(containing ? "containing" : "with value")} {Format.Quoted(value)}";
        var reply = Answered(last, expected);
        var actual = reply.Header(name);
        Verify.That(actual is not null, () => $"Expected the response to {last!.Request} to have {expected}, but it has no such header; it has: {reply.HeaderNames}.");
        Verify.That(
            containing ? actual!.Contains(value, StringComparison.Ordinal) : actual == value,
            () => $"Expected the response to {last!.Request} to have {expected}, but it is {(SecretNames.Looks(name) ? Secrets.Mask : Format.Quoted(actual!))}.");
    }

    public static void ShouldContain(this HttpExchange? last, string text)
    {
        var reply = Answered(last, $"a body containing {Format.Quoted(text)}");
        Verify.That(reply.Body.Contains(text, StringComparison.Ordinal),
            () => $"Expected the response to {last!.Request} to contain {Format.Quoted(text)}, but it answered {Outcome(reply)}.");
    }

    public static void ShouldBeJsonWhere(this HttpExchange? last, IReadOnlyList<JsonExpectation> expected)
    {
        var wanted = $"JSON where {string.Join(" and ", expected)}";
        var reply = Answered(last, wanted);
        Verify.That(reply.TryJson(out var document), () => $"Expected the response to {last!.Request} to be {wanted}, but it is not JSON ({Outcome(reply)}).");
        var wrong = expected.Where(e => !e.IsMetBy(document)).ToList();
        Verify.That(wrong.Count == 0, () => $"Expected the response to {last!.Request} to be {wanted}, but {string.Join(", and ", wrong.Select(w => Actual(w, document)))} ({Outcome(reply)}).");
    }

    /// <summary>The body is JSON that compares as <paramref name="pattern"/> says; the comparison, for what it remembered.</summary>
    public static JsonComparison ShouldBeJson(this HttpExchange? last, JsonDocumentPattern pattern)
    {
        var reply = Answered(last, pattern.Described);
        Verify.That(reply.TryJson(out var document), () => $"Expected the response to {last!.Request} to be {pattern.Described}, but it is not JSON ({Outcome(reply)}).");
        var comparison = pattern.CompareWith(document);
        Verify.That(comparison.Matches, () => $"Expected the response to {last!.Request} to be {pattern.Described}, but it {comparison.FirstDifference} ({Outcome(reply)}).");
        return comparison;
    }

    public static void ShouldMatchSchema(this HttpExchange? last, JsonSchemaFile schema)
    {
        var wanted = $"a body matching the {schema.Described}";
        var reply = Answered(last, wanted);
        Verify.That(reply.TryJson(out _), () => $"Expected the response to {last!.Request} to match the {schema.Described}, but it is not JSON ({Outcome(reply)}).");
        var errors = schema.ErrorsIn(WebSocketMessage.FromText(reply.Body));
        Verify.That(errors.Count == 0, () => $"Expected the response to {last!.Request} to match the {schema.Described}, but it {schema.Mismatch(errors)} ({Outcome(reply)}).");
    }

    private static string Actual(JsonExpectation expectation, System.Text.Json.Nodes.JsonNode? document) =>
        expectation.Path.TryFind(document, out var value)
            ? $"{expectation.Path} is {HttpShown.Value(expectation.Path.Text, value)}"
            : $"it has no {expectation.Path}";

    /// <summary><c>400 Bad Request: {"error":"no item"}</c>, or <c>204 No Content with an empty body</c>.</summary>
    private static string Outcome(HttpReply reply) =>
        reply.Body.Length == 0 ? $"{reply.StatusLine} with an empty body" : $"{reply.StatusLine}: {HttpShown.Body(reply)}";

    private static HttpReply Answered(HttpExchange? last, string expected)
    {
        Verify.That(last is not null,
            () => $"Expected a response with {expected}, but no HTTP request has been sent in this scenario; send one with a \"send a GET request\" step first.");
        Verify.That(last!.Reply is not null, () => $"Expected a response with {expected}, but {last.Request} got no answer ({last.Failure}).");
        return last.Reply!;
    }
}
