namespace BddWs.Driver.Contracts;

/// <summary>
/// A contract being read: the file's <paramref name="Name"/> as the feature wrote it, its <paramref name="Path"/>,
/// the AsyncAPI <paramref name="Version"/> it declares, and whether <c>format</c> in its payloads is asserted
/// (<paramref name="FormatAsserted"/>, a team's choice) rather than an annotation, as draft-07 makes it.
/// </summary>
public sealed record ContractReading(string Name, string Path, string Version, bool FormatAsserted = false)
{
    /// <summary>AsyncAPI 2.x: a message names its payload's format in its own <c>schemaFormat</c>; from 3.0 the payload does.</summary>
    public bool FormatOnMessage => Version.StartsWith("2.", StringComparison.Ordinal);
}
