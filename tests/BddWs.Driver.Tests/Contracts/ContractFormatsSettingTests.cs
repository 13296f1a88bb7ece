using FluentAssertions;
using Xunit;

namespace BddWs.Driver.Tests.Contracts;

/// <summary>BDDWS_CONTRACT_FORMATS: whether <c>format</c> in a contract's payloads is asserted, a team's choice.</summary>
public sealed class ContractFormatsSettingTests
{
    [Theory]
    [InlineData(null, false)]
    [InlineData("annotate", false)]
    [InlineData("assert", true)]
    [InlineData(" Assert ", true)]
    public void Format_is_an_annotation_unless_the_team_asks_for_assertions(string? value, bool asserted)
    {
        SuiteSettings.From(name => name == SuiteSettings.ContractFormatsVariable ? value : null)
            .ContractFormatsAsserted.Should().Be(asserted);
    }

    [Fact]
    public void Another_value_names_the_setting()
    {
        var read = () => SuiteSettings.From(name => name == SuiteSettings.ContractFormatsVariable ? "yes" : null);

        read.Should().Throw<InvalidOperationException>().WithMessage("BDDWS_CONTRACT_FORMATS must be assert or annotate, but it is \"yes\".");
    }
}
