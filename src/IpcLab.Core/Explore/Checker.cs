using IpcLab.Core.Model;
using IpcLab.Core.Runtime;
using IpcLab.Core.Scheduling;

namespace IpcLab.Core.Explore;

/// <summary>
/// Runs a program under many seeded random schedules and reports what it finds: deadlocks,
/// faults, failed assertions and final checks. Every run is reproducible from its seed.
/// </summary>
public static class Checker
{
    public static CheckReport Check(CompiledProgram program, CheckOptions options)
    {
        var kernel = new Kernel(program, new KernelOptions { MaxSteps = options.MaxSteps, RecordEvents = false });
        var finals = new HashSet<ulong>();
        FoundRun? first = null;
        FoundRun? shortest = null;
        var withFindings = 0;
        for (var i = 0; i < options.Runs; i++)
        {
            options.Cancellation.ThrowIfCancellationRequested();
            options.Progress?.Invoke(i);
            var seed = options.Seed + (ulong)i;
            kernel.Reset();
            var result = Runner.Run(kernel, new RandomScheduler(seed, options.RandomWaiters));
            finals.Add(result.StateHash);
            if (result.Outcome != RunOutcome.Finding)
            {
                continue;
            }

            withFindings++;
            var found = new FoundRun(seed, result.Findings, kernel.Schedule.ToArray());
            first ??= found;
            if (shortest is null || found.Schedule.Count < shortest.Schedule.Count)
            {
                shortest = found;
            }
        }

        var shrunk = shortest is null ? null : ScheduleShrinker.Shrink(program, shortest, options.MaxSteps);
        return new CheckReport(options.Runs, finals.Count, withFindings, first, shortest, shrunk);
    }
}
