namespace BddWs.ReqnrollPlugin.Reporting.LivingDoc;

/// <summary>A hook of the run that failed: "Before the run: start server", and why.</summary>
public sealed record RunHookFailure(string Name, bool BeforeTheRun, string? Message);
