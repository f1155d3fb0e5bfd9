namespace IpcLab.Core.Runtime;

/// <summary>A kernel invariant does not hold: a bug in IpcLab itself, never in the learner's script.</summary>
public sealed class KernelInvariantException(string message) : Exception(message);
