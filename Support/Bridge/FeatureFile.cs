using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using Gherkin;
using Gherkin.CucumberMessages;
using Gherkin.CucumberMessages.Pickles;
using Io.Cucumber.Messages.Types;
using Reqnroll;
using Reqnroll.Formatters.RuntimeSupport;

namespace BddWs.Bridge;

/// <summary>
/// One <c>.feature</c> file read at run time: its Gherkin document and pickles as Cucumber
/// messages (the form Reqnroll's formatters expect), or the reason it could not be read.
/// Each file is read once per process, so discovery and execution agree on scenario positions.
/// It is read from the suite's folder when it is there, so an edited scenario runs without a
/// build; the copy beside the test assembly serves a suite run away from its sources.
/// </summary>
public sealed class FeatureFile : IFeatureLevelCucumberMessages
{
    private static readonly ConcurrentDictionary<string, Lazy<FeatureFile>> Loaded = new();

    private FeatureFile(string path) => Path = path;

    /// <summary>Relative to the project, with forward slashes: <c>features/echo.feature</c>.</summary>
    public string Path { get; }

    /// <summary>Why the file could not be used, with file and line; null when it parsed.</summary>
    public string? Problem { get; private init; }

    /// <summary>
    /// The tags of a file that could not be parsed, as far as its tag lines can still be read,
    /// so that a run filtered by tag still includes it and fails.
    /// </summary>
    public IReadOnlyList<string> ReadableTags { get; private init; } = [];

    /// <summary>True once a test has failed with <see cref="Problem"/>, so the run has shown it.</summary>
    public bool ProblemReported => _problemReported;

    private volatile bool _problemReported;

    public string Title => GherkinDocument?.Feature?.Name ?? Path;

    public Source? Source { get; private init; }

    public GherkinDocument? GherkinDocument { get; private init; }

    public IReadOnlyList<Pickle> PickleList { get; private init; } = [];

    IEnumerable<Pickle> IFeatureLevelCucumberMessages.Pickles => PickleList;

    bool IFeatureLevelCucumberMessages.HasMessages => Problem is null;

    /// <summary>Reqnroll's description of this feature; one instance per file, as Reqnroll compares them.</summary>
    public FeatureInfo Info => _info ??= CreateInfo();

    private FeatureInfo? _info;

    public static FeatureFile Load(string path, Assembly testAssembly) =>
        Loaded.GetOrAdd(path, p => new Lazy<FeatureFile>(() => Read(p, testAssembly))).Value;

    public void MarkProblemReported() => _problemReported = true;

    private static FeatureFile Read(string path, Assembly testAssembly)
    {
        var fullPath = System.IO.Path.Combine(SuiteFolder.RootOf(testAssembly), path);
        if (!File.Exists(fullPath))
        {
            fullPath = System.IO.Path.Combine(AppContext.BaseDirectory, path);
        }

        string text;
        try
        {
            text = File.ReadAllText(fullPath);
        }
        catch (IOException ex)
        {
            return new FeatureFile(path) { Problem = $"{path}: cannot be read: {ex.Message}" };
        }

        try
        {
            // Guid ids keep messages of different features distinct in one report.
            var ids = new GuidIdGenerator();
            var ast = new Parser().Parse(new StringReader(text));
            var document = new AstMessagesConverter(ids).ConvertGherkinDocumentToEventArgs(ast, path);
            return new FeatureFile(path)
            {
                Source = new Source(path, text, SourceMediaType.TEXT_X_CUCUMBER_GHERKIN_PLAIN),
                GherkinDocument = document,
                PickleList = new PickleCompiler(ids).Compile(document),
            };
        }
        catch (System.Exception ex) when (ex is ParserException or CompositeParserException)
        {
            var errors = ex is CompositeParserException composite
                ? composite.Errors.Select(e => e.Message)
                : [ex.Message];
            return new FeatureFile(path)
            {
                Problem = $"{path} is not valid Gherkin:{Environment.NewLine}" +
                          string.Join(Environment.NewLine, errors.Select(e => $"  {path}{e}")),
                ReadableTags = TagLines.Read(text),
            };
        }
    }

    private FeatureInfo CreateInfo()
    {
        var feature = GherkinDocument?.Feature;
        var folder = System.IO.Path.GetDirectoryName(Path)?.Replace('\\', '/') ?? "";
        return new FeatureInfo(
            new CultureInfo(feature?.Language ?? "en"),
            folder,
            Title,
            feature?.Description?.Trim() ?? "",
            ProgrammingLanguage.CSharp,
            feature?.Tags.Select(t => t.Name.TrimStart('@')).ToArray() ?? [],
            this);
    }
}
