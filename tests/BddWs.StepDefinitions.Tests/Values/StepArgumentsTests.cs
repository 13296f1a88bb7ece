using BddWs.Driver.Values;
using BddWs.ReqnrollPlugin.Values;
using FluentAssertions;
using Reqnroll;
using Xunit;

namespace BddWs.StepDefinitions.Tests.Values;

/// <summary>Remembered values reach every kind of step argument, and no secret reaches a failure.</summary>
public sealed class StepArgumentsTests
{
    [Fact]
    public void Quoted_text_doc_strings_and_table_cells_get_the_values_and_other_arguments_stay()
    {
        var values = new ScenarioValues();
        values.Remember("id", "o-7");
        var table = new DataTable("path", "value");
        table.AddRow("$.order.id", "${id}");
        var used = new List<Substitution>();

        var expanded = StepArguments.Expand(["/api/orders/${id}", "{ \"id\": \"${id}\" }", table, 3, new ConnectionName("${id}")], values, used);

        expanded[0].Should().Be("/api/orders/o-7");
        expanded[1].Should().Be("{ \"id\": \"o-7\" }");
        ((DataTable)expanded[2]).Rows.Single()["value"].Should().Be("o-7");
        table.Rows.Single()["value"].Should().Be("${id}", "the feature's own table is left as written");
        expanded[3].Should().Be(3);
        expanded[4].Should().Be(new ConnectionName("${id}"), "a value already read from the step's text was expanded when it was read");
        used.Should().HaveCount(3);
    }

    [Fact]
    public void A_failure_for_the_reader_that_shows_a_secret_is_told_again_with_it_masked()
    {
        var values = new ScenarioValues();
        values.Remember("token", "s3cr3t");

        var masked = MaskedFailure.Of(Thrown("Expected \"x\", but received \"s3cr3t\"."), values);

        masked!.Message.Should().Be("Expected \"x\", but received \"***\".");
        masked.StackTrace.Should().BeNull();
        MaskedFailure.Of(Thrown("Expected \"x\", but received \"y\"."), values).Should().BeNull();
    }

    // As a step throws it: where it was thrown tells a failure for the reader from a fault.
    private static Exception Thrown(string message)
    {
        try
        {
            throw new Assertions.ExpectationFailedException(message);
        }
        catch (Exception thrown)
        {
            return thrown;
        }
    }
}
