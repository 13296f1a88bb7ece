using Xunit;

namespace BddWs.StepDefinitions.Tests.Helpers;

/// <summary>The tests that read the one run of tests/ContractProbe.</summary>
[CollectionDefinition(ContractProbeRun.Collection)]
public sealed class ContractProbeCollection : ICollectionFixture<ContractProbeRun>;
