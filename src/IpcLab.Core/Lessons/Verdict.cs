namespace IpcLab.Core.Lessons;

/// <summary>The kernel's judgement of a challenge attempt: met or not, and why, in words.</summary>
public sealed record Verdict(bool Met, string Reason);
