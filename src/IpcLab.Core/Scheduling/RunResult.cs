using IpcLab.Core.Runtime;

namespace IpcLab.Core.Scheduling;

/// <summary>What a finished (or stopped) run amounts to.</summary>
public sealed record RunResult(RunOutcome Outcome, IReadOnlyList<Finding> Findings, int Steps, ulong StateHash)
{
    public static RunResult Of(Kernel kernel)
    {
        var outcome = kernel.Findings.Count > 0 ? RunOutcome.Finding
            : kernel.IsConcluded ? RunOutcome.Completed
            : RunOutcome.Stopped;
        return new RunResult(outcome, kernel.Findings.ToArray(), kernel.StepCount, kernel.StateHash());
    }
}
