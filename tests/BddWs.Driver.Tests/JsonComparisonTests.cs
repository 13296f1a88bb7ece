using System.Text.Json.Nodes;
using BddWs.Driver;
using BddWs.Driver.Json;
using BddWs.Driver.Values;
using FluentAssertions;
using Xunit;

namespace BddWs.Driver.Tests;

/// <summary>JSON documents compared as a product owner means them: equal, or containing, with placeholders.</summary>
public sealed class JsonComparisonTests
{
    [Theory]
    [InlineData("{\"a\":1,\"b\":\"x\"}", "{ \"b\" : \"x\",\n  \"a\": 1 }")]
    [InlineData("{\"n\":1}", "{\"n\":1.0}")]
    [InlineData("{\"n\":100}", "{\"n\":1e2}")]
    [InlineData("{\"n\":0.10}", "{\"n\":0.1}")]
    [InlineData("[1,{\"a\":[true,null]}]", "[1, {\"a\": [true, null]}]")]
    [InlineData("\"text\"", "\"text\"")]
    public void Equal_documents_match_whatever_the_key_order_white_space_or_number_notation(string expected, string received) =>
        Equal(expected, received).FirstDifference.Should().BeNull();

    [Theory]
    [InlineData("{\"order\":{\"quantity\":2}}", "{\"order\":{\"quantity\":\"2\"}}", "differs at $.order.quantity: expected 2, received \"2\"")]
    [InlineData("{\"n\":0.1}", "{\"n\":0.1000000001}", "differs at $.n: expected 0.1, received 0.1000000001")]
    [InlineData("{\"order\":{\"id\":1}}", "{\"order\":{}}", "differs: $.order.id is missing, expected 1")]
    [InlineData("{\"order\":{}}", "{\"order\":{\"note\":\"x\"}}", "differs: $.order.note was not expected, received \"x\"")]
    [InlineData("{\"items\":[1,2]}", "{\"items\":[1,2,3]}", "differs: $.items has 3 elements, expected 2")]
    [InlineData("{\"items\":[1,2]}", "{\"items\":[1,3]}", "differs at $.items[1]: expected 2, received 3")]
    [InlineData("{\"a\":{\"b\":1}}", "{\"a\":[1]}", "differs at $.a: expected {\"b\":1}, received [1]")]
    [InlineData("{\"a\":null}", "{\"a\":false}", "differs at $.a: expected null, received false")]
    [InlineData("{\"odd key\":1}", "{\"odd key\":2}", "differs at $['odd key']: expected 1, received 2")]
    public void Equal_documents_name_the_first_path_that_differs(string expected, string received, string difference) =>
        Equal(expected, received).FirstDifference.Should().Be(difference);

    [Fact]
    public void The_first_difference_follows_the_expected_document_and_nests()
    {
        var comparison = Equal("{\"a\":1,\"b\":{\"c\":[1,{\"d\":\"x\"}]}}", "{\"b\":{\"c\":[1,{\"d\":\"y\"}]},\"a\":2}");

        comparison.FirstDifference.Should().Be("differs at $.a: expected 1, received 2");
        comparison.Agreeing.Should().Be(2, "the array's length and its first element agree, nothing else");
    }

    [Fact]
    public void Containing_allows_extra_fields_at_any_depth_and_inside_arrays_but_not_extra_elements()
    {
        const string Expected = "{\"type\":\"order\",\"lines\":[{\"sku\":\"A\"},{\"sku\":\"B\"}]}";

        Containing(Expected, "{\"id\":7,\"type\":\"order\",\"lines\":[{\"sku\":\"A\",\"n\":1},{\"sku\":\"B\",\"n\":2}]}").Matches.Should().BeTrue();
        Containing(Expected, "{\"type\":\"order\",\"lines\":[{\"sku\":\"A\"}]}").FirstDifference.Should().Be("differs: $.lines has 1 element, expected 2");
        Containing(Expected, "{\"type\":\"order\",\"lines\":[{\"sku\":\"B\"},{\"sku\":\"A\"}]}").FirstDifference.Should().Be(
            "differs at $.lines[0].sku: expected \"A\", received \"B\"");
    }

    [Theory]
    [InlineData("{\"id\":\"(any)\"}", "{\"id\":null}", null)]
    [InlineData("{\"id\":\"(any)\"}", "{}", "differs: $.id is missing, expected (any)")]
    [InlineData("{\"id\":\"(any string)\"}", "{\"id\":\"a\"}", null)]
    [InlineData("{\"id\":\"(any string)\"}", "{\"id\":7}", "differs at $.id: expected (any string), received 7")]
    [InlineData("{\"id\":\"(any number)\"}", "{\"id\":7.5}", null)]
    [InlineData("{\"id\":\"(any number)\"}", "{\"id\":\"7\"}", "differs at $.id: expected (any number), received \"7\"")]
    [InlineData("{\"id\":\"(missing)\"}", "{}", null)]
    [InlineData("{\"id\":\"(missing)\"}", "{\"id\":1}", "differs at $.id: expected (missing), received 1")]
    [InlineData("{\"at\":[\"(any)\",2]}", "{\"at\":[{\"x\":1},2]}", null)]
    public void Placeholders_accept_a_kind_of_value(string expected, string received, string? difference) =>
        Equal(expected, received).FirstDifference.Should().Be(difference);

    [Fact]
    public void Remember_accepts_any_value_and_keeps_it_as_a_step_writes_it()
    {
        var comparison = Containing("{\"order\":{\"id\":\"(remember orderId)\",\"total\":\"(remember total)\"}}", "{\"order\":{\"id\":\"A-7\",\"total\":{\"eur\":12.5}}}");

        comparison.Matches.Should().BeTrue();
        comparison.Remembered.Should().Equal(("orderId", "A-7", "$.order.id"), ("total", "{\"eur\":12.5}", "$.order.total"));
    }

    [Fact]
    public void A_matched_message_remembers_its_values_secret_when_the_field_looks_secret()
    {
        var values = new ScenarioValues();
        var pattern = JsonDocumentPattern.Containing("{\"id\":\"(remember orderId)\",\"auth\":{\"token\":\"(remember key)\"}}");
        var message = WebSocketMessage.FromText("{\"id\":\"A-7\",\"auth\":{\"token\":\"s3cr3t\"}}");

        pattern.Check().Matches(message).Should().BeTrue();
        pattern.RememberFrom(message, values);

        values.Expand("${orderId} ${key}").Should().Be("A-7 s3cr3t");
        values.Mask("A-7 s3cr3t").Should().Be("A-7 ***");
    }

    [Fact]
    public void A_message_that_does_not_match_remembers_nothing()
    {
        var values = new ScenarioValues();
        JsonDocumentPattern.EqualTo("{\"id\":\"(remember orderId)\"}").RememberFrom(WebSocketMessage.FromText("{\"id\":1,\"x\":2}"), values);

        values.Names.Should().BeEmpty();
    }

    [Theory]
    [InlineData("{\"id\": \"(any thing)\"}", "\"(any thing)\" is not a placeholder: write (any), (present), (any string), (any number), (matching regular expression), (missing) or (remember name), with a name of letters, digits and _.")]
    [InlineData("[\"(remember order id)\"]", "\"(remember order id)\" is not a placeholder: write (any), (present), (any string), (any number), (matching regular expression), (missing) or (remember name), with a name of letters, digits and _.")]
    [InlineData("{\"type\": greeting}", "The expected JSON is not valid: 'g' is an invalid start of a value, at line 1, character 10.")]
    [InlineData("{\"a\": 1, \"a\": 2}", "The expected JSON has a field written twice in one object.")]
    public void A_wrong_expected_document_is_told_in_one_line(string expected, string message) =>
        FluentActions.Invoking(() => JsonDocumentPattern.EqualTo(expected)).Should().Throw<FormatException>().WithMessage(message);

    [Fact]
    public void The_check_says_what_it_expects_and_how_close_a_message_came()
    {
        var check = JsonDocumentPattern.Containing("{ \"type\": \"greeting\", \"to\": { \"name\": \"Zoë\" } }").Check();

        check.Description.Should().Be("in JSON containing {\"type\":\"greeting\",\"to\":{\"name\":\"Zoë\"}}");
        check.Compare(WebSocketMessage.FromText("{\"type\":\"greeting\",\"to\":{\"name\":\"Ada\"}}"))!.Description.Should().Be(
            "differs at $.to.name: expected \"Zoë\", received \"Ada\"");
        check.Compare(WebSocketMessage.FromText("not json")).Should().BeNull();
        check.Matches(WebSocketMessage.FromText("not json")).Should().BeFalse();
    }

    [Theory]
    [InlineData("(present)", "null", true)]
    [InlineData("(any)", "null", true)]
    [InlineData("(present)", "\"\"", true)]
    [InlineData("(matching ^o-\\d+$)", "\"o-12\"", true)]
    [InlineData("(matching ^o-\\d+$)", "\"o-12a\"", false)]
    [InlineData("(matching ^36)", "3600", true)]
    [InlineData("(matching ^true$)", "true", true)]
    public void Presence_and_a_pattern_are_placeholders(string placeholder, string received, bool matches) =>
        Equal($"{{\"a\":\"{placeholder.Replace("\\", "\\\\")}\"}}", $"{{\"a\":{received}}}").Matches.Should().Be(matches);

    [Fact]
    public void A_present_field_must_be_there_and_a_pattern_says_what_it_wanted()
    {
        Equal("{\"a\":\"(present)\"}", "{}").FirstDifference.Should().Be("differs: $.a is missing, expected (present)");
        Equal("{\"a\":\"(matching ^x)\"}", "{\"a\":\"y\"}").FirstDifference.Should().Be("differs at $.a: expected (matching ^x), received \"y\"");
        Equal("{\"token\":\"(matching ^x)\"}", "{\"token\":\"s3cr3t\"}").FirstDifference.Should().Be("differs at $.token: expected (matching ^x), received ***");
    }

    [Theory]
    [InlineData("$.n", "6", "{\"n\":6}", true)]
    [InlineData("$.n", "6.0", "{\"n\":6}", true)]
    [InlineData("$.n", "6", "{\"n\":\"6\"}", true)]
    [InlineData("$.n", "(any string)", "{\"n\":\"(x)\"}", true)]
    [InlineData("$.n", "(any string)", "{\"n\":6}", false)]
    [InlineData("$.n", "(any number)", "{\"n\":6}", true)]
    [InlineData("$.n", "(present)", "{\"n\":null}", true)]
    [InlineData("$.n", "(present)", "{}", false)]
    [InlineData("$.n", "(missing)", "{}", true)]
    [InlineData("$.n", "(matching ^\\d$)", "{\"n\":6}", true)]
    [InlineData("$.n", "{\"a\":\"(any number)\"}", "{\"n\":{\"a\":1}}", true)]
    [InlineData("$.n", "{\"a\":\"(any number)\"}", "{\"n\":{\"a\":\"1\"}}", false)]
    public void A_one_line_value_reads_placeholders_as_a_document_does(string path, string expected, string document, bool met) =>
        JsonExpectation.Parse(path, expected).IsMetBy(JsonNode.Parse(document)).Should().Be(met);

    [Fact]
    public void A_value_sent_refuses_placeholders_and_an_exact_text_too()
    {
        FluentActions.Invoking(() => JsonBuilder.Compact("{\"a\":[\"(any number)\"]}")).Should().Throw<FormatException>().WithMessage(
            "The JSON to send holds the placeholder \"(any number)\": a placeholder stands only in an expected value; write the value to send.");
        JsonBuilder.Compact("{\"a\":\"(any text)\"}").Should().Be("{\"a\":\"(any text)\"}", "only a placeholder is refused, not text that looks like one");
        FluentActions.Invoking(() => MessageCheck.EqualTo("(present)")).Should().Throw<FormatException>().WithMessage(
            "\"(present)\" is a placeholder, and a message's exact text is compared letter by letter: a placeholder stands only in an expected JSON value.");
    }

    private static JsonComparison Equal(string expected, string received) =>
        JsonComparison.Of(JsonNode.Parse(expected), JsonNode.Parse(received), extraFieldsAllowed: false);

    private static JsonComparison Containing(string expected, string received) =>
        JsonComparison.Of(JsonNode.Parse(expected), JsonNode.Parse(received), extraFieldsAllowed: true);
}
