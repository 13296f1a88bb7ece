namespace BddWs.Hosting.Aspire;

/// <summary>The resource stopped before it answered; why is told from its state and its error output.</summary>
internal sealed class ResourceStoppedException() : Exception("The resource stopped before it answered.");
