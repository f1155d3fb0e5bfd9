using IpcLab.Core.Model;
using IpcLab.Core.Runtime;
using IpcLab.Core.Scheduling;

namespace IpcLab.Core.Explore;

/// <summary>
/// Makes runs of one program as fast as the kernel goes: no events, no schedule, no invariant
/// check after each step (7-12x the speed; <see cref="Checker"/> re-runs each run it reports with
/// all of them on, which confirms it). Each worker of a check has one, with a kernel of its own.
/// </summary>
internal sealed class SampleWorker
{
    private readonly Kernel _kernel;
    private readonly SamplingPlan _plan;
    private readonly long[] _initial;
    private readonly int[] _runnable;

    public SampleWorker(CompiledProgram program, SamplingPlan plan, int maxSteps)
    {
        _kernel = new Kernel(program, new KernelOptions { MaxSteps = maxSteps, RecordEvents = false, RecordSchedule = false, CheckInvariants = false });
        _plan = plan;
        _initial = new long[_kernel.StateSize];
        _kernel.CopyStateTo(_initial);
        _runnable = new int[_kernel.Layout.ThreadCount];
    }

    public SampleTally Tally { get; } = new();

    /// <summary>Steps taken over all the runs made so far.</summary>
    public long Steps { get; private set; }

    /// <summary>Makes the run of <paramref name="seed"/> and adds what it ended in to <see cref="Tally"/>.</summary>
    public void Run(ulong seed)
    {
        var kernel = _kernel;
        kernel.LoadState(_initial, 0);
        SampledRun.Run(kernel, _plan, seed, _runnable);
        Steps += kernel.StepCount;
        Tally.AddFinal(kernel.StateHash());
        if (kernel.Findings.Count > 0)
        {
            Tally.AddFinding(seed, kernel.StepCount, kernel.Findings[0].Kind);
        }
    }
}
