namespace IpcLab.Fuzz;

/// <summary>The outcome of one mutant, with what the command printed on stderr and, for a crash, why it counts as one.</summary>
public sealed record FuzzResult(FuzzOutcome Outcome, int Exit, string[] Args, string Stderr, string? Problem, string? CrashLog);
