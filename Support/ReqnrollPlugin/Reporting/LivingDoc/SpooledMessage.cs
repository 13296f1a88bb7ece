namespace BddWs.ReqnrollPlugin.Reporting.LivingDoc;

/// <summary>Where one message sits in the <see cref="MessageSpool"/>.</summary>
public readonly record struct SpooledMessage(long Offset, int Length);
