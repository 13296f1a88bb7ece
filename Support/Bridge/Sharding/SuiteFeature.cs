namespace BddWs.Bridge.Sharding;

/// <summary>A feature of the suite as the split sees it: its Cucumber uri (<c>features/chat.feature</c>) and its number of scenario rows.</summary>
public sealed record SuiteFeature(string Uri, int Scenarios);
