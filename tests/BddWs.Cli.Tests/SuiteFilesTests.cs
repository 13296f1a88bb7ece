using BddWs.Cli.Suites;
using FluentAssertions;
using Xunit;

namespace BddWs.Cli.Tests;

/// <summary>The feature files, and what counts as a save of them.</summary>
public sealed class SuiteFilesTests : IDisposable
{
    private readonly TempFolder _suite = new();

    public void Dispose() => _suite.Dispose();

    [Fact]
    public void Feature_files_relative_to_the_suite_in_order()
    {
        _suite.Write("features/zebra.feature");
        _suite.Write("features/chat/rooms.feature");
        _suite.Write("features/payloads/order.json");

        SuiteFiles.Features(_suite.Path).Should().Equal("features/chat/rooms.feature", "features/zebra.feature");
    }

    [Fact]
    public void Serial_is_read_above_the_feature_line_only()
    {
        _suite.Write("features/a.feature", "# comment\n@echo @serial\nFeature: A\n");
        _suite.Write("features/b.feature", "Feature: B\n  @serial\n  Scenario: x\n");

        SuiteFiles.Serial(_suite.Path, ["features/a.feature", "features/b.feature"]).Should().Equal("features/a.feature");
    }

    [Fact]
    public void A_save_under_features_counts_an_editor_s_own_file_does_not()
    {
        var since = DateTime.UtcNow.AddSeconds(-5);
        var old = _suite.Write("features/echo.feature");
        File.SetLastWriteTimeUtc(old, since.AddSeconds(-1));
        _suite.Write("features/.echo.feature.swp");
        _suite.Write("features/echo.feature~");
        _suite.Write("features/4913");

        SuiteFiles.SavedFeatureFile(_suite.Path, since).Should().BeNull();

        var payload = _suite.Write("features/payloads/order.json", "{}");
        SuiteFiles.SavedFeatureFile(_suite.Path, since).Should().Be(payload);
    }
}
