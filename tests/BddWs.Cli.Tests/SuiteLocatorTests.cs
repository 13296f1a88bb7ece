using BddWs.Cli.Suites;
using FluentAssertions;
using Xunit;

namespace BddWs.Cli.Tests;

/// <summary>The suite's project found from where the tool starts, in this repository's layout, a template's and others.</summary>
public sealed class SuiteLocatorTests : IDisposable
{
    private const string BridgeProject = """<Project Sdk="Microsoft.NET.Sdk"><ItemGroup><ProjectReference Include="../Support/Bridge/BddWs.Bridge.csproj" /></ItemGroup></Project>""";
    private const string BridgePackage = """<Project Sdk="Microsoft.NET.Sdk"><ItemGroup><PackageReference Include="BddWs.Bridge" Version="1.0.0" /></ItemGroup></Project>""";
    private const string NotASuite = """<Project Sdk="Microsoft.NET.Sdk"><ItemGroup><PackageReference Include="xunit.v3" /></ItemGroup></Project>""";

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task This_repository_s_layout_the_project_under_features_from_the_root_and_below()
    {
        var suite = _folder.Write("features/BddWs.Features.csproj", BridgeProject);
        _folder.Write(".git/HEAD");
        _folder.Write("tests/BddWs.Bridge.Tests/BddWs.Bridge.Tests.csproj", BridgeProject);
        var steps = _folder.Folder("StepDefinitions/Assertions");

        (await SuiteLocator.FindAsync(_folder.Path, null, TestContext.Current.CancellationToken)).Should().Be(suite);
        (await SuiteLocator.FindAsync(steps, null, TestContext.Current.CancellationToken)).Should().Be(suite);
        (await SuiteLocator.FindAsync(Path.GetDirectoryName(suite)!, null, TestContext.Current.CancellationToken)).Should().Be(suite);
    }

    [Fact]
    public async Task A_template_made_suite_through_its_package_reference()
    {
        var suite = _folder.Write("MySpecs/features/MySpecs.csproj", BridgePackage);
        _folder.Write("MySpecs/MySpecs.sln");

        (await SuiteLocator.FindAsync(Path.Combine(_folder.Path, "MySpecs"), null, TestContext.Current.CancellationToken)).Should().Be(suite);
    }

    [Fact]
    public async Task Elsewhere_the_one_suite_of_the_solution()
    {
        _folder.Write("src/Service/Service.csproj", NotASuite);
        var suite = _folder.Write("specs/Specs/Specs.csproj", BridgePackage);
        _folder.Write("All.slnx", """<Solution><Project Path="src/Service/Service.csproj" /><Project Path="specs/Specs/Specs.csproj" /></Solution>""");

        (await SuiteLocator.FindAsync(_folder.Path, null, TestContext.Current.CancellationToken)).Should().Be(suite);
    }

    [Fact]
    public async Task A_named_project_or_its_folder()
    {
        var suite = _folder.Write("specs/Specs.csproj", NotASuite);

        (await SuiteLocator.FindAsync(_folder.Path, "specs/Specs.csproj", TestContext.Current.CancellationToken)).Should().Be(suite);
        (await SuiteLocator.FindAsync(_folder.Path, "specs", TestContext.Current.CancellationToken)).Should().Be(suite);
    }

    [Fact]
    public async Task No_suite_says_where_it_looked_and_what_to_do()
    {
        _folder.Write(".git/HEAD");
        _folder.Write("src/Service.csproj", NotASuite);

        var find = () => SuiteLocator.FindAsync(_folder.Path, null, TestContext.Current.CancellationToken);

        (await find.Should().ThrowAsync<SuiteNotFoundException>()).WithMessage(
            $"No BddWs suite found from {_folder.Path}: run this in a suite's folder, or name its project with --project <path to its .csproj>.");
    }

    [Fact]
    public async Task A_solution_without_a_suite_says_so()
    {
        _folder.Write("src/Service/Service.csproj", NotASuite);
        _folder.Write("All.slnx", """<Solution><Project Path="src/Service/Service.csproj" /></Solution>""");

        var find = () => SuiteLocator.FindAsync(_folder.Path, null, TestContext.Current.CancellationToken);

        (await find.Should().ThrowAsync<SuiteNotFoundException>()).WithMessage(
            $"No BddWs suite found in {_folder.Path}: no project under features/ or in its solution uses BddWs.Bridge. Name one with --project <path to its .csproj>.");
    }

    [Fact]
    public async Task Two_suites_side_by_side_ask_for_a_name()
    {
        _folder.Write("features/One.csproj", BridgePackage);
        _folder.Write("features/Two.csproj", BridgePackage);

        var find = () => SuiteLocator.FindAsync(_folder.Path, null, TestContext.Current.CancellationToken);

        (await find.Should().ThrowAsync<SuiteNotFoundException>()).WithMessage(
            $"2 BddWs suites in {Path.Combine(_folder.Path, "features")} (One.csproj, Two.csproj): name one with --project.");
    }

    [Fact]
    public async Task A_named_path_that_is_not_there()
    {
        var find = () => SuiteLocator.FindAsync(_folder.Path, "nowhere/Specs.csproj", TestContext.Current.CancellationToken);

        (await find.Should().ThrowAsync<SuiteNotFoundException>()).WithMessage(
            $"--project {Path.Combine(_folder.Path, "nowhere/Specs.csproj")}: no such file or folder.");
    }
}
