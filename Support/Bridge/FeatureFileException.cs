namespace BddWs.Specs.Support.Bridge;

/// <summary>A feature file that cannot be run as written; the message names file and line.</summary>
public sealed class FeatureFileException(string message) : Exception(message);
