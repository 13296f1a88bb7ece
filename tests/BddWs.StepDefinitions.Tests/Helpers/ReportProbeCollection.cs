using Xunit;

namespace BddWs.StepDefinitions.Tests.Helpers;

/// <summary>The tests that read the one run of tests/ReportProbe.</summary>
[CollectionDefinition(ReportProbeRun.Collection)]
public sealed class ReportProbeCollection : ICollectionFixture<ReportProbeRun>;
