using System.Reflection;
using System.Text.RegularExpressions;
using FluentAssertions;
using Xunit;
using YamlDotNet.RepresentationModel;

namespace BddWs.Cli.Tests.Merging;

/// <summary>
/// The CI files a team copies from docs/ci, checked as far as this machine can without the CI: each is
/// YAML, its shard jobs are as many as BDDWS_SHARD says, the merge job waits for them, runs even when a
/// shard failed, and downloads the reports under the names the shard jobs uploaded them.
/// </summary>
public sealed partial class CiFilesTests
{
    private static readonly string Root = typeof(CiFilesTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "RepositoryRoot").Value!;

    [Fact]
    public void GitHub_Actions_runs_one_job_per_shard_then_merges_what_they_uploaded()
    {
        var jobs = Map(Load("docs/ci/github-actions.yml"), "jobs");
        var specs = Map(jobs, "specs");
        var shards = Sequence(Map(Map(specs, "strategy"), "matrix"), "shard").Select(n => int.Parse(Text(n))).ToList();
        shards.Should().Equal(Enumerable.Range(1, shards.Count));
        Text(Map(specs, "strategy")["fail-fast"]).Should().Be("false");
        Text(Map(specs, "env")["BDDWS_SHARD"]).Should().Be($"${{{{ matrix.shard }}}}/{shards.Count}");
        var reports = Text(Map(specs, "env")["BDDWS_REPORTS"]).Replace("${{ github.workspace }}/", "", StringComparison.Ordinal);

        var uploads = Steps(specs).Where(s => Uses(s, "actions/upload-artifact")).Select(s => Map(s, "with")).ToList();
        uploads.Should().Contain(w => Text(w["path"]).TrimEnd('/') == reports && Text(w["name"]) == "living-documentation-shard-${{ matrix.shard }}");
        uploads.Should().Contain(w => Text(w["path"]).TrimEnd('/') == "TestResults" && Text(w["name"]) == "test-results-shard-${{ matrix.shard }}");
        Steps(specs).Where(s => Uses(s, "actions/upload-artifact")).Should().OnlyContain(s => Text(s["if"]) == "always()");
        Steps(specs).Should().Contain(s => s.Children.ContainsKey("run") && Text(s["run"]).Contains("--logger trx"));

        var merge = Map(jobs, "living-documentation");
        Text(merge["needs"]).Should().Be("specs");
        Text(merge["if"]).Should().Be("always()");
        var download = Map(Steps(merge).Single(s => Uses(s, "actions/download-artifact")), "with");
        var pattern = Text(download["pattern"]);
        ArtifactName(pattern).IsMatch("living-documentation-shard-1").Should().BeTrue();
        ArtifactName(pattern).IsMatch("test-results-shard-1").Should().BeFalse();
        Steps(merge).Should().Contain(s => s.Children.ContainsKey("run")
                                           && Text(s["run"]) == $"dotnet bddws merge {Text(download["path"])}/{pattern} -o reports");
        Steps(merge).Should().Contain(s => Uses(s, "actions/upload-artifact") && Text(Map(s, "with")["path"]) == "reports/" && Text(s["if"]) == "always()");
    }

    [Fact]
    public void Azure_Pipelines_runs_parallel_jobs_as_shards_then_merges_what_they_published()
    {
        var jobs = Sequence(Load("docs/ci/azure-pipelines.yml"), "jobs").Cast<YamlMappingNode>().ToList();
        var specs = jobs.Single(j => Text(j["job"]) == "specs");
        int.Parse(Text(Map(specs, "strategy")["parallel"])).Should().BeGreaterThan(1);
        var test = Steps(specs).Single(s => s.Children.ContainsKey("script") && Text(s["script"]).StartsWith("dotnet test", StringComparison.Ordinal));
        Text(Map(test, "env")["BDDWS_SHARD"]).Should().Be("$(System.JobPositionInPhase)/$(System.TotalJobsInPhase)");
        var reports = Text(Map(test, "env")["BDDWS_REPORTS"]);
        Steps(specs).Should().Contain(s => Task(s) == "PublishTestResults@2" && Text(s["condition"]) == "always()");
        var publish = Steps(specs).Single(s => Task(s) == "PublishPipelineArtifact@1");
        Text(publish["condition"]).Should().Be("always()");
        Text(Map(publish, "inputs")["targetPath"]).Should().Be(reports);
        var artifact = Text(Map(publish, "inputs")["artifact"]);
        artifact.Should().Be("living-documentation-shard-$(System.JobPositionInPhase)");

        var merge = jobs.Single(j => Text(j["job"]) == "merge");
        Text(merge["dependsOn"]).Should().Be("specs");
        Text(merge["condition"]).Should().Be("succeededOrFailed()");
        var download = Map(Steps(merge).Single(s => Task(s) == "DownloadPipelineArtifact@2"), "inputs");
        var folders = Text(download["itemPattern"]).Split('/')[0];
        ArtifactName(folders).IsMatch(artifact.Replace("$(System.JobPositionInPhase)", "2", StringComparison.Ordinal)).Should().BeTrue();
        Steps(merge).Should().Contain(s => s.Children.ContainsKey("script")
                                           && Text(s["script"]) == $"dotnet bddws merge {Text(download["targetPath"])}/{folders} -o reports");
        Steps(merge).Should().Contain(s => Task(s) == "PublishPipelineArtifact@1" && Text(Map(s, "inputs")["targetPath"]) == "reports");
    }

    private static YamlMappingNode Load(string relative)
    {
        var yaml = new YamlStream();
        using var reader = new StreamReader(Path.Combine(Root, relative));
        yaml.Load(reader);
        return (YamlMappingNode)yaml.Documents.Single().RootNode;
    }

    private static YamlMappingNode Map(YamlMappingNode node, string key) => (YamlMappingNode)node[key];

    private static IEnumerable<YamlNode> Sequence(YamlMappingNode node, string key) => ((YamlSequenceNode)node[key]).Children;

    private static IEnumerable<YamlMappingNode> Steps(YamlMappingNode job) => Sequence(job, "steps").Cast<YamlMappingNode>();

    private static string Text(YamlNode node) => ((YamlScalarNode)node).Value ?? "";

    private static bool Uses(YamlMappingNode step, string action) =>
        step.Children.ContainsKey("uses") && Text(step["uses"]).StartsWith(action + "@", StringComparison.Ordinal);

    private static string? Task(YamlMappingNode step) => step.Children.ContainsKey("task") ? Text(step["task"]) : null;

    /// <summary>A glob of artifact names (only <c>*</c>) as a regular expression.</summary>
    private static Regex ArtifactName(string glob) => new("^" + Regex.Escape(glob).Replace(@"\*", ".*", StringComparison.Ordinal) + "$");
}
