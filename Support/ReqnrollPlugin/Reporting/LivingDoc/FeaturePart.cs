namespace BddWs.ReqnrollPlugin.Reporting.LivingDoc;

/// <summary>
/// One page of the living documentation: a feature, or, for a feature too long to open quickly,
/// a run of its scenarios. The page's messages (the feature's description cut to those scenarios,
/// and their runs) wait in the spool until the run ends; this holds where they are.
/// </summary>
public sealed class FeaturePart(string uri, string featureName, int number, int firstScenario, int lastScenario)
{
    /// <summary>The feature file as the report names it: <c>features/echo.feature</c>.</summary>
    public string Uri => uri;

    public string FeatureName => featureName;

    /// <summary>1 for the first part of a feature.</summary>
    public int Number => number;

    /// <summary>How many parts the feature has; set once the feature is split.</summary>
    public int Of { get; internal set; } = 1;

    /// <summary>Positions of this part's scenarios in the feature, counting each Examples row, from 1.</summary>
    public int FirstScenario => firstScenario;

    public int LastScenario => lastScenario;

    /// <summary>The page's file name inside the pages folder; unique in the run.</summary>
    public string FileName { get; internal set; } = "";

    /// <summary>Where this part's messages sit in the spool, in the order they came.</summary>
    public List<SpooledMessage> Messages { get; } = [];

    /// <summary>"Echo", or "Scale, scenarios 101-200 of 10000" for one part of several.</summary>
    public string Title => Of == 1 ? FeatureName : $"{FeatureName}, scenarios {FirstScenario}-{LastScenario}";
}
