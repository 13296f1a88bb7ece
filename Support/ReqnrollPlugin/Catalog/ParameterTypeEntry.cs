namespace BddWs.ReqnrollPlugin.Catalog;

/// <summary>A placeholder the expressions use, such as <c>{who}</c>, and what may stand there.</summary>
public sealed record ParameterTypeEntry(string Name, string Meaning)
{
    /// <summary>
    /// The placeholder as the catalog shows it: <c>{who}</c>, or <c>[within T]</c> and <c>[on instance "b"]</c>
    /// for the ones that may stand for nothing.
    /// </summary>
    public string Shown => $"{{{Name}}}" switch
    {
        StepCatalog.WithinPlaceholder => StepCatalog.WithinShown,
        StepCatalog.OnInstancePlaceholder => StepCatalog.OnInstanceShown,
        var placeholder => placeholder,
    };
}
