using System.Reflection;
using System.Reflection.Emit;
using FluentAssertions;
using Xunit;

namespace BddWs.Bridge.Tests;

/// <summary>
/// A feature file is read from the suite's folder, so an edited scenario runs without a build;
/// the copy beside the test assembly serves when the suite's folder is not there.
/// </summary>
public sealed class FeatureFileTests : IDisposable
{
    private readonly string _suite = Directory.CreateTempSubdirectory("bddws-suite-").FullName;
    private readonly string _path = $"features/read-{Guid.NewGuid():N}.feature";

    [Fact]
    public void The_file_in_the_suite_folder_wins_over_the_copy_beside_the_test_assembly()
    {
        Write(_suite, "Edited");
        Write(AppContext.BaseDirectory, "Built");

        FeatureFile.Load(_path, SuiteAt(_suite)).Title.Should().Be("Edited");
    }

    [Fact]
    public void Without_the_suite_folder_the_copy_beside_the_test_assembly_is_read()
    {
        Write(AppContext.BaseDirectory, "Built");

        FeatureFile.Load(_path, SuiteAt(Path.Combine(_suite, "gone"))).Title.Should().Be("Built");
    }

    public void Dispose()
    {
        Directory.Delete(_suite, recursive: true);
        File.Delete(Path.Combine(AppContext.BaseDirectory, _path));
    }

    private void Write(string root, string featureName)
    {
        var file = Path.Combine(root, _path);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllText(file, $"Feature: {featureName}\n\n  Scenario: One\n    Given a step\n");
    }

    /// <summary>A test assembly whose build recorded <paramref name="root"/> as the suite's folder.</summary>
    private static Assembly SuiteAt(string root) => AssemblyBuilder.DefineDynamicAssembly(
        new AssemblyName("Suite" + Guid.NewGuid().ToString("N")), AssemblyBuilderAccess.Run,
        [new CustomAttributeBuilder(typeof(AssemblyMetadataAttribute).GetConstructor([typeof(string), typeof(string)])!, ["BddWs.Root", root])]);
}
