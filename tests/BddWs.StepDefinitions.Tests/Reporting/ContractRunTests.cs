using BddWs.StepDefinitions.Tests.Helpers;
using FluentAssertions;
using Xunit;

namespace BddWs.StepDefinitions.Tests.Reporting;

/// <summary>
/// The per-step contract check, as a user meets it: tests/ContractProbe follows a contract the
/// bundled server breaks (its sum is a number, the contract asks for a text), run with a plain
/// <c>dotnet test</c>. The run is red, at the step where the message arrived, with one line.
/// </summary>
[Collection(ContractProbeRun.Collection)]
public sealed class ContractRunTests(ContractProbeRun run)
{
    private const string Breach =
        "Message 1 received on /json does not fit the contract \"contracts/text-sum.yaml\": it does not match sum: at $.value: value is \"integer\" but should be \"string\".";

    [Fact]
    public void A_server_that_breaks_its_contract_fails_the_step_where_the_message_arrived_and_the_run()
    {
        var (exitCode, output) = (run.ExitCode, run.Output);

        exitCode.Should().NotBe(0, output);
        // The sum arrives while the step that sends the command or the one that waits for the reply runs, as fast as the machine is.
        var lines = output.Split('\n');
        var breach = Array.IndexOf(lines, Breach);
        breach.Should().BePositive(output);
        lines[breach - 1].Should().BeOneOf(
            "   Step failed: When I send the JSON: (features/contract.feature:6)",
            "   Step failed: Then I receive a message containing \"sum\" (features/contract.feature:10)");
        // The step that failed is the one under which the report shows the message arriving.
        var marked = Array.FindIndex(lines, line => line.EndsWith(" (breaks the contract)", StringComparison.Ordinal));
        marked.Should().BePositive(output);
        lines[marked].Should().StartWith(" ← received \"{\"type\":\"sum\",\"value\":6}\"");
        lines[marked + 1].Should().StartWith(" -> error: " + Breach, output);
        output.Should().NotContain("   at ", "the reader gets one line, no stack trace");
    }

    [Fact]
    public void A_contract_with_a_mistake_fails_the_step_that_names_it_before_any_message_is_judged()
    {
        var lines = run.Output.Split('\n');

        var failed = Array.IndexOf(lines, "   Step failed: Given the service follows the contract \"contracts/misspelt.yaml\" (features/contract.feature:13)");
        failed.Should().BePositive(run.Output);
        lines[failed + 1].Should().Be(
            "The contract \"contracts/misspelt.yaml\" is not valid AsyncAPI 3.1.0: at $.channels.json.messages.sum.paylod: no such field is allowed here.");
    }
}
