using BddWs.Driver.Values;
using BddWs.ReqnrollPlugin.Values;
using FluentAssertions;
using Xunit;

namespace BddWs.StepDefinitions.Tests.Values;

/// <summary>
/// "the remembered value {string} is secret" marks a name: its value is masked whether the scenario
/// remembers it before or after, or reads it from the environment; a name that never has a value fails.
/// </summary>
public sealed class SecretNameTests : IDisposable
{
    // A name of this test's own, so tests running at once never share an environment variable.
    private readonly string _variable = $"BDDWS_RESERVE_{Guid.NewGuid():N}";

    [Fact]
    public void A_name_marked_secret_masks_the_environment_variable_it_reads()
    {
        Environment.SetEnvironmentVariable(_variable, "97531864");
        var values = new ScenarioValues();
        values.MarkSecret(_variable);
        var used = new List<Substitution>();

        var expanded = StepArguments.Expand([$"{{\"reserve\":${{{_variable}}}}}"], values, used);

        expanded[0].Should().Be("{\"reserve\":97531864}", "the step still gets the value");
        used.Single().ToString().Should().Be($"${{{_variable}}} = *** (from the environment)");
        values.Mask("← received \"{\\\"reserve\\\":97531864}\"").Should().Be("← received \"{\\\"reserve\\\":***}\"");
        values.SecretsNeverFound().Should().BeNull();
    }

    [Fact]
    public void The_environment_variable_is_masked_from_the_marking_on_even_where_no_step_writes_its_name()
    {
        Environment.SetEnvironmentVariable(_variable, "97531864");
        var values = new ScenarioValues();

        values.MarkSecret(_variable);

        values.Mask("the reserve is 97531864.").Should().Be("the reserve is ***.");
    }

    [Fact]
    public void A_name_marked_before_it_is_remembered_is_masked_once_remembered()
    {
        var values = new ScenarioValues();
        values.MarkSecret("sessionKey");
        values.Remember("sessionKey", "k-123");

        values.Mask("key k-123").Should().Be("key ***");
        values.SecretsNeverFound().Should().BeNull();
    }

    [Fact]
    public void A_name_marked_secret_that_is_neither_remembered_nor_in_the_environment_is_told_with_what_there_is()
    {
        var values = new ScenarioValues();
        values.Remember("orderId", "o-1");
        values.MarkSecret(_variable);

        values.SecretsNeverFound().Should().Be(
            $"${{{_variable}}} was marked secret, but this scenario has remembered ${{orderId}}, and no environment variable is called {_variable}.");
        new ScenarioValues().SecretsNeverFound().Should().BeNull("no name was marked");
    }

    [Fact]
    public void Several_names_never_found_are_told_at_once()
    {
        var values = new ScenarioValues();
        values.MarkSecret("sesionKey");
        values.MarkSecret("tokn");

        values.SecretsNeverFound().Should().Be(
            "${sesionKey}, ${tokn} were marked secret, but this scenario has remembered no values yet, and no environment variable is called sesionKey or tokn.");
    }

    [Fact]
    public void A_name_that_cannot_be_a_values_name_is_refused_at_once()
    {
        var values = new ScenarioValues();

        var marking = () => values.MarkSecret("${RESERVE}");

        marking.Should().Throw<ArgumentException>().Which.Message.Should().Be(
            "\"${RESERVE}\" cannot be the name of a secret value: use letters, digits and _ (starting with a letter or _), as in \"sessionKey\".");
    }

    public void Dispose() => Environment.SetEnvironmentVariable(_variable, null);
}
