namespace BddWs.ReqnrollPlugin.Files;

/// <summary>A step named a file next to the feature that is not there.</summary>
public sealed class MissingFeatureFileException(string message) : Exception(message)
{
    public override string? StackTrace => null;
}
