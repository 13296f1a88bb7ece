namespace BddWs.ReqnrollPlugin.Catalog;

/// <summary>A placeholder the expressions use, such as <c>{who}</c>, and what may stand there.</summary>
public sealed record ParameterTypeEntry(string Name, string Meaning)
{
    /// <summary>The placeholder as the catalog shows it: <c>{who}</c>, or <c>[within T]</c> for the one that may stand for nothing.</summary>
    public string Shown => $"{{{Name}}}" == StepCatalog.WithinPlaceholder ? StepCatalog.WithinShown : $"{{{Name}}}";
}
