using BddWs.StepDefinitions.Tests.Helpers;
using FluentAssertions;
using Xunit;
using static BddWs.StepDefinitions.Tests.Helpers.StepHarness;

namespace BddWs.StepDefinitions.Tests;

/// <summary>GraphQL sentences written in a way that cannot work: each says what to write instead, in one line.</summary>
public sealed class GraphQlBadInputTests
{
    [Fact]
    public async Task Subscriptions_and_operations_that_do_not_exist_are_named()
    {
        await using var steps = await BundledAsync();

        (await FailureOf(() => steps.GraphQlSteps.Subscribe(I, "orders", "subscription { orderPlaced { id } }"))).Should().Be(
            "The connection has not been opened in this scenario; open it with a \"connected\" step first.");
        (await FailureOf(() => steps.GraphQlSteps.Completes("orders"))).Should().Be(
            "There is no subscription called \"orders\": none has been started in this scenario.");
        (await FailureOf(() => steps.GraphQlSteps.RunFails("x"))).Should().Be(
            "No GraphQL operation has been run in this scenario; run one first (When I run the GraphQL operation:).");

        await steps.GraphQlSteps.ConnectTo(I, "/graphql");
        await steps.GraphQlSteps.Subscribe(I, "orders", "subscription { orderPlaced { id } }");
        (await FailureOf(() => steps.GraphQlSteps.Subscribe(I, "orders", "subscription { countdown(from: 1) }"))).Should().Be(
            "There is already a subscription called \"orders\" in this scenario; give the new one another name.");
        (await FailureOf(() => steps.GraphQlSteps.NoFurtherResult("order", TimeSpan.FromMilliseconds(10)))).Should().Be(
            "There is no subscription called \"order\"; the scenario has \"orders\".");
    }

    [Fact]
    public async Task Variables_and_payloads_that_are_not_json_objects_are_refused()
    {
        await using var steps = await BundledAsync();
        await steps.GraphQlSteps.ConnectTo(I, "/graphql");

        (await FailureOf(() => steps.GraphQlSteps.RunWith(I, "[1, 2]", "{ order(id: 1) { id } }"))).Should().Be(
            "The variables must be a JSON object, such as {\"customer\": \"ada\"}.");
        (await FailureOf(() => steps.GraphQlSteps.RunWith(I, "{customer: ada}", "{ order(id: 1) { id } }"))).Should().Be(
            "The JSON of the variables is not valid: 'c' is an invalid start of a property name. Expected a '\"', at line 1, character 2.");
        (await FailureOf(() => steps.GraphQlSteps.SubscribeWith(I, "s", """{"customer": "(any string)"}""", "subscription { countdown(from: 1) }"))).Should().Be(
            "The JSON of the variables holds the placeholder \"(any string)\": a placeholder stands only in an expected value; write the value to send.");
    }
}
