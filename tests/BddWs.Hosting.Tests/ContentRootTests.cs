using FluentAssertions;
using Xunit;

namespace BddWs.Hosting.Tests;

/// <summary>The service's own folder, found from beside the test assembly whatever folder the run started in.</summary>
public sealed class ContentRootTests
{
    [Fact]
    public void The_services_folder_is_named_from_the_manifest_beside_the_test_assembly()
    {
        ContentRoot.Settle(typeof(Program).Assembly);

        var folder = Environment.GetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_SAMPLESERVICE");
        folder.Should().NotBeNull();
        File.Exists(Path.Combine(folder!, "SampleService.csproj")).Should().BeTrue();
    }
}
