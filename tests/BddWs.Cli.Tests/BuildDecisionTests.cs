using BddWs.Cli.Suites;
using FluentAssertions;
using Xunit;

namespace BddWs.Cli.Tests;

/// <summary>When the loop builds, and the reason it gives: never for an edited scenario.</summary>
public sealed class BuildDecisionTests : IDisposable
{
    private readonly TempFolder _suite = new();
    private readonly string _project;
    private readonly string _steps;

    public BuildDecisionTests()
    {
        _project = _suite.Write("features/Specs.csproj");
        _steps = _suite.Write("StepDefinitions/TeamSteps.cs", "class TeamSteps;");
        _suite.Write("features/echo.feature", "Feature: Echo\n");
        _suite.Write("features/rooms/chat.feature", "@serial\nFeature: Chat\n");
        _suite.Write("reqnroll.json", "{}");
    }

    public void Dispose() => _suite.Dispose();

    [Fact]
    public void Nothing_changed_since_the_build()
    {
        var record = Built();

        Why(record).Should().BeNull();
    }

    [Fact]
    public void An_edited_scenario_needs_no_build()
    {
        var record = Built();
        Save("features/echo.feature", "Feature: Echo\n  Scenario: new\n");

        Why(record).Should().BeNull();
    }

    [Fact]
    public void Without_a_build_or_its_executable()
    {
        Why(null).Should().Be("no build of the suite yet");
        BuildDecision.WhyBuild(Built(), _project, new BuildDecision.Now(false, [], [], null)).Should().Be("no build of the suite yet");
    }

    [Fact]
    public void A_feature_file_added_renamed_or_removed()
    {
        var record = Built();
        _suite.Write("features/more.feature", "Feature: More\n");

        Why(record).Should().Be("a feature file was added, renamed or removed");
    }

    [Fact]
    public void A_feature_tagged_serial_or_no_longer()
    {
        var record = Built();
        Save("features/echo.feature", "@serial @echo\nFeature: Echo\n");

        Why(record).Should().Be("the features tagged @serial changed");
    }

    [Fact]
    public void A_source_file_the_build_read_saved_since()
    {
        var record = Built();
        Save("StepDefinitions/TeamSteps.cs", "class TeamSteps {}");

        Why(record).Should().Be("StepDefinitions/TeamSteps.cs changed");
    }

    [Fact]
    public void A_settings_file_the_build_read_saved_since()
    {
        var record = Built();
        Save("reqnroll.json", "{ }");

        Why(record).Should().Be("reqnroll.json changed");
    }

    [Fact]
    public void A_new_source_file_in_a_folder_of_the_code()
    {
        var record = Built();
        Save("StepDefinitions/More/MoreSteps.cs", "class MoreSteps;");

        Why(record).Should().Be("StepDefinitions/More/MoreSteps.cs changed");
    }

    [Fact]
    public void A_new_source_file_where_the_suite_had_none_yet()
    {
        var record = Built();
        Save("Support/ServiceClient.cs", "class ServiceClient;");

        Why(record).Should().Be("Support/ServiceClient.cs changed");
    }

    [Fact]
    public void A_source_file_of_a_project_the_suite_does_not_build()
    {
        _suite.Write("tests/Other/Other.csproj");
        var record = Built();
        Save("tests/Other/OtherTests.cs", "class OtherTests;");

        Why(record).Should().BeNull();
    }

    [Fact]
    public void Build_output_and_hidden_folders_are_not_code()
    {
        var record = Built();
        Save("StepDefinitions/obj/Generated.cs", "");
        Save("StepDefinitions/.vs/Editor.cs", "");
        Save("StepDefinitions/notes.txt", "");

        Why(record).Should().BeNull();
    }

    [Fact]
    public void A_source_file_removed()
    {
        var record = Built();
        File.Delete(_steps);

        Why(record).Should().Be("StepDefinitions/TeamSteps.cs changed");
    }

    [Fact]
    public void Another_project_than_the_one_built()
    {
        var record = Built() with { Project = "/elsewhere/Other.csproj" };

        Why(record).Should().Be("another project than last time");
    }

    [Fact]
    public void The_code_folders_are_the_outermost_of_projects_and_sources()
    {
        var root = _suite.Path;
        var inputs = new[]
        {
            Path.Combine(root, "features/Specs.csproj"), Path.Combine(root, "features/Hooks.cs"),
            Path.Combine(root, "StepDefinitions/TeamSteps.cs"), Path.Combine(root, "StepDefinitions/More/MoreSteps.cs"),
            Path.Combine(root, "Directory.Build.props"), Path.Combine(root, "reqnroll.json"),
        };

        BuildRecord.CodeFoldersOf(inputs).Should().Equal(Path.Combine(root, "StepDefinitions"), Path.Combine(root, "features"));
    }

    /// <summary>A record as the loop writes it after a build, a moment before the files' times now.</summary>
    private BuildRecord Built()
    {
        var inputs = new[] { _project, _steps, Path.Combine(_suite.Path, "reqnroll.json") };
        var features = SuiteFiles.Features(_suite.Path);
        var started = DateTime.UtcNow.AddSeconds(-10);
        foreach (var file in Directory.EnumerateFiles(_suite.Path, "*", SearchOption.AllDirectories))
        {
            File.SetLastWriteTimeUtc(file, started.AddSeconds(-1));
        }

        return new BuildRecord(_project, _suite.Path, "Specs", started, inputs, BuildRecord.CodeFoldersOf(inputs), features,
            SuiteFiles.Serial(_suite.Path, features));
    }

    private void Save(string relative, string text) => _suite.Write(relative, text);

    private string? Why(BuildRecord? record) =>
        BuildDecision.WhyBuild(record, _project, record is null
            ? new BuildDecision.Now(false, [], [], null)
            : new BuildDecision.Now(true, SuiteFiles.Features(_suite.Path), SuiteFiles.Serial(_suite.Path, SuiteFiles.Features(_suite.Path)), SuiteFiles.ChangedCode(record)));
}
