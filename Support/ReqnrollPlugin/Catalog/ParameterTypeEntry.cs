namespace BddWs.ReqnrollPlugin.Catalog;

/// <summary>A placeholder the expressions use, such as <c>{who}</c>, and what may stand there.</summary>
public sealed record ParameterTypeEntry(string Name, string Meaning);
