using System.Collections.Specialized;
using Io.Cucumber.Messages.Types;
using Reqnroll;
using Reqnroll.Bindings;

namespace BddWs.Bridge;

/// <summary>
/// One runnable scenario (a pickle: a Scenario, or one Examples row of an Outline, with its
/// Background steps) and the Gherkin it came from: the name, tags and rule it carries.
/// </summary>
public sealed class PickleScenario
{
    private readonly FeatureFile _feature;
    private readonly Dictionary<string, Step> _astSteps = [];

    public PickleScenario(FeatureFile feature, int index)
    {
        _feature = feature;
        Index = index;
        Pickle = feature.PickleList[index];
        var children = feature.GherkinDocument!.Feature.Children;
        foreach (var child in children)
        {
            Collect(child.Background);
            Collect(child.Scenario, rule: null);
            if (child.Rule is { } rule)
            {
                foreach (var ruleChild in rule.Children)
                {
                    Collect(ruleChild.Background);
                    Collect(ruleChild.Scenario, rule);
                }
            }
        }
    }

    public int Index { get; }

    public Pickle Pickle { get; }

    public Scenario Scenario { get; private set; } = null!;

    public Rule? Rule { get; private set; }

    /// <summary>Header and values of the Examples row this pickle came from, if any.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> ExampleValues { get; private set; } = [];

    /// <summary>Tags without the <c>@</c>, feature and rule tags included.</summary>
    public IReadOnlyList<string> AllTags => Pickle.Tags.Select(t => t.Name.TrimStart('@')).ToList();

    public bool IsIgnored => AllTags.Any(t => t.Equals("ignore", StringComparison.OrdinalIgnoreCase));

    /// <summary><c>Feature: Scenario</c>, plus the example values for an Outline row.</summary>
    public string DisplayName
    {
        get
        {
            var name = $"{_feature.Title}: {Pickle.Name}";
            return ExampleValues.Count == 0
                ? name
                : $"{name} ({string.Join(", ", ExampleValues.Select(v => $"{v.Key}: {v.Value}"))})";
        }
    }

    public Step AstStep(PickleStep step) => _astSteps[step.AstNodeIds[0]];

    /// <summary>Each step as Reqnroll matches it: its kind (an And takes the kind before it), keyword and text.</summary>
    public IEnumerable<(StepDefinitionType Type, string Keyword, string Text)> StepSentences()
    {
        var type = StepDefinitionType.Given;
        foreach (var step in Pickle.Steps)
        {
            var gherkin = AstStep(step);
            type = gherkin.KeywordType switch
            {
                StepKeywordType.CONTEXT => StepDefinitionType.Given,
                StepKeywordType.ACTION => StepDefinitionType.When,
                StepKeywordType.OUTCOME => StepDefinitionType.Then,
                _ => type,
            };
            yield return (type, gherkin.Keyword.Trim(), step.Text);
        }
    }

    public ScenarioInfo CreateInfo()
    {
        var inherited = _feature.Info.Tags.Concat(Rule?.Tags.Select(t => t.Name.TrimStart('@')) ?? []).ToArray();
        var own = AllTags.Skip(inherited.Length).ToArray();
        var arguments = new OrderedDictionary();
        foreach (var (header, value) in ExampleValues)
        {
            arguments[header] = value;
        }

        return new ScenarioInfo(Pickle.Name, Scenario.Description?.Trim() ?? "", own, arguments, inherited,
            Index.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    public RuleInfo? CreateRuleInfo() => Rule is null
        ? null
        : new RuleInfo(Rule.Name, Rule.Description?.Trim() ?? "", Rule.Tags.Select(t => t.Name.TrimStart('@')).ToArray());

    private void Collect(Background? background)
    {
        foreach (var step in background?.Steps ?? [])
        {
            _astSteps[step.Id] = step;
        }
    }

    private void Collect(Scenario? scenario, Rule? rule)
    {
        if (scenario is null || scenario.Id != Pickle.AstNodeIds[0])
        {
            return;
        }

        Scenario = scenario;
        Rule = rule;
        foreach (var step in scenario.Steps)
        {
            _astSteps[step.Id] = step;
        }

        if (Pickle.AstNodeIds.Count > 1)
        {
            var rowId = Pickle.AstNodeIds[1];
            foreach (var examples in scenario.Examples)
            {
                if (examples.TableBody.FirstOrDefault(r => r.Id == rowId) is { } row)
                {
                    ExampleValues = examples.TableHeader.Cells
                        .Zip(row.Cells, (h, c) => new KeyValuePair<string, string>(h.Value, c.Value))
                        .ToList();
                }
            }
        }
    }
}
