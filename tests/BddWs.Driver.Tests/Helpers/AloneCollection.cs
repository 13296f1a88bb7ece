using Xunit;

namespace BddWs.Driver.Tests.Helpers;

/// <summary>Tests that measure the whole process (its memory, a round trip's cost) and so run alone, after the parallel ones.</summary>
[CollectionDefinition(nameof(AloneCollection), DisableParallelization = true)]
public sealed class AloneCollection;
