using Xunit;

namespace BddWs.Server.Tests.Helpers;

/// <summary>Tests that measure the whole process (its memory) and so run alone, after the parallel ones.</summary>
[CollectionDefinition(nameof(AloneCollection), DisableParallelization = true)]
public sealed class AloneCollection;
