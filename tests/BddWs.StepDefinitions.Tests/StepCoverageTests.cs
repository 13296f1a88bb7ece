using System.Reflection;
using BddWs.StepDefinitions;
using FluentAssertions;
using Reqnroll;
using Xunit;

using BddWs.StepDefinitions.Tests.Helpers;

namespace BddWs.StepDefinitions.Tests;

/// <summary>A Then-step that cannot fail is a defect: every one must have a test marked <see cref="FailsAttribute"/>.</summary>
public sealed class StepCoverageTests
{
    [Fact]
    public void Every_then_step_has_a_test_proving_it_can_fail()
    {
        var thenSteps = typeof(ConnectingSteps).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Where(m => m.GetCustomAttributes<ThenAttribute>().Any())
            .Select(m => $"{m.DeclaringType!.Name}.{m.Name}");
        var proven = typeof(StepCoverageTests).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods())
            .SelectMany(m => m.GetCustomAttributes<FailsAttribute>())
            .Select(f => $"{f.Steps.Name}.{f.Method}");

        thenSteps.Except(proven).Should().BeEmpty("each of these Then-steps needs a test showing it fails, and with what message");
    }
}
