using BddWs.Driver.Values;
using FluentAssertions;
using Xunit;

namespace BddWs.Driver.Tests.Values;

/// <summary>Remembered values given back as <c>${name}</c>, the environment behind them, and secrets kept out of sight.</summary>
public sealed class ScenarioValuesTests
{
    [Fact]
    public void A_remembered_value_is_put_wherever_its_name_is_written_and_each_use_is_told()
    {
        var values = new ScenarioValues();
        values.Remember("orderId", "o-17");
        var used = new List<Substitution>();

        values.Expand("/api/orders/${orderId}?again=${orderId}", used).Should().Be("/api/orders/o-17?again=o-17");
        used.Select(u => u.ToString()).Distinct().Should().Equal("${orderId} = \"o-17\"");
    }

    [Fact]
    public void A_value_remembered_again_replaces_the_first()
    {
        var values = new ScenarioValues();
        values.Remember("seq", "1");
        values.Remember("seq", "2");

        values.Expand("${seq}").Should().Be("2");
    }

    [Fact]
    public void The_scenario_comes_before_the_environment()
    {
        var name = $"BDDWS_TEST_{Guid.NewGuid():N}";
        Environment.SetEnvironmentVariable(name, "from the environment");
        try
        {
            var values = new ScenarioValues();
            var used = new List<Substitution>();
            values.Expand($"${{{name}}}", used).Should().Be("from the environment");
            used.Single().ToString().Should().Be($"${{{name}}} = \"from the environment\" (from the environment)");

            values.Remember(name, "from the scenario");
            values.Expand($"${{{name}}}").Should().Be("from the scenario");
        }
        finally
        {
            Environment.SetEnvironmentVariable(name, null);
        }
    }

    [Fact]
    public void A_name_that_is_neither_remembered_nor_in_the_environment_fails_naming_what_there_is()
    {
        var values = new ScenarioValues();
        FluentActions.Invoking(() => values.Expand("${ordr}")).Should().Throw<UnknownValueException>().WithMessage(
            "There is no value named ${ordr}: this scenario has remembered no values yet, and no environment variable is called ordr.");

        values.Remember("orderId", "o-1");
        values.Remember("token", "t");
        FluentActions.Invoking(() => values.Expand("${ordr}")).Should().Throw<UnknownValueException>().WithMessage(
            "There is no value named ${ordr}: this scenario has remembered ${orderId}, ${token}, and no environment variable is called ordr.");
    }

    [Fact]
    public void Text_without_names_is_left_as_it_is()
    {
        new ScenarioValues().Expand("price: $5 {not a name} ${} $ {x}").Should().Be("price: $5 {not a name} ${} $ {x}");
        new ScenarioValues().Expand("template: $${orderId}").Should().Be("template: ${orderId}", "a doubled $ writes the reference itself");
    }

    [Theory]
    [InlineData("order id")]
    [InlineData("1st")]
    [InlineData("")]
    public void A_name_that_cannot_be_written_as_a_reference_is_refused(string name)
    {
        FluentActions.Invoking(() => new ScenarioValues().Remember(name, "x")).Should().Throw<ArgumentException>().WithMessage(
            $"\"{name}\" cannot be the name of a remembered value: use letters, digits and _ (starting with a letter or _), as in \"orderId\".");
    }

    [Fact]
    public void Secrets_are_masked_as_written_and_as_escaped_in_JSON_and_told_without_their_value()
    {
        var values = new ScenarioValues();
        values.Remember("accessToken", "abc\"123");
        values.Remember("plain", "abc");
        var used = new List<Substitution>();
        values.Expand("${accessToken} ${plain}", used);

        values.Mask("sent abc\"123 and {\"t\":\"abc\\\"123\"} and abc").Should().Be("sent *** and {\"t\":\"***\"} and abc");
        used.Select(u => u.ToString()).Should().Equal("${accessToken} = ***", "${plain} = \"abc\"");
    }

    [Fact]
    public void A_name_marked_secret_masks_its_value_whether_remembered_before_or_after()
    {
        var values = new ScenarioValues();
        values.Remember("sessionKey", "k-1");
        values.Mask("k-1").Should().Be("k-1");

        values.MarkSecret("sessionKey");
        values.MarkSecret("later");
        values.Remember("later", "k-2");

        values.Mask("k-1 k-2").Should().Be("*** ***");
    }

    [Theory]
    [InlineData("token", true)]
    [InlineData("$.auth.accessToken", true)]
    [InlineData("$.user.password", true)]
    [InlineData("Set-Cookie", true)]
    [InlineData("Authorization", true)]
    [InlineData("API_KEY", true)]
    [InlineData("$.order.id", false)]
    [InlineData("X-Session-Id", false)]
    public void Credentials_are_known_by_name(string name, bool secret)
    {
        SecretNames.Looks(name).Should().Be(secret);
    }
}
