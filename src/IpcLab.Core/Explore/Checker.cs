using System.Runtime.ExceptionServices;
using IpcLab.Core.Model;
using IpcLab.Core.Runtime;
using IpcLab.Core.Scheduling;

namespace IpcLab.Core.Explore;

/// <summary>
/// Runs a program under many seeded schedules (<see cref="SamplingPlan"/>) and reports what it
/// finds: deadlocks, faults, failed assertions and final checks. Every run is reproducible from its
/// seed. The runs are shared out between workers, each with a fast kernel of its own
/// (<see cref="SampleWorker"/>); the runs it reports are made again with events and invariants on.
/// </summary>
public static class Checker
{
    public static CheckReport Check(CompiledProgram program, CheckOptions options)
    {
        var plan = SamplingPlan.For(program, options);
        var tally = Sample(program, plan, options, out var steps);
        options.Cancellation.ThrowIfCancellationRequested();
        var first = tally.First is { } f ? Confirm(program, plan, options, f) : null;
        var shortest = tally.Shortest is { } s ? (s.Seed == first!.Seed ? first : Confirm(program, plan, options, s)) : null;
        var shrink = shortest is null ? null : ScheduleShrinker.Shrink(program, shortest, options.MaxSteps, options.ShrinkProgress, cancel: options.Cancellation);
        return new CheckReport(options.Runs, tally.Finals.Count, tally.RunsWithFindings, first, shortest, shrink?.Run)
        {
            Steps = steps,
            ExpectedSteps = plan.ExpectedSteps,
            Shrink = shrink,
        };
    }

    /// <summary>The scheduler each seed of a check with <paramref name="options"/> gets (to replay one of its runs).</summary>
    public static IScheduler SchedulerFor(CompiledProgram program, CheckOptions options, ulong seed) =>
        SamplingPlan.For(program, options).SchedulerFor(seed);

    /// <summary>
    /// Makes the run of <paramref name="seed"/> of a check with <paramref name="options"/> again on
    /// <paramref name="kernel"/> (from its start), injections included, and concludes it.
    /// </summary>
    public static RunResult Replay(Kernel kernel, CheckOptions options, ulong seed)
    {
        kernel.Reset();
        SampledRun.Run(kernel, SamplingPlan.For(kernel.Program, options), seed, new int[kernel.Layout.ThreadCount]);
        return RunResult.Of(kernel);
    }

    /// <summary>Makes every run, shared out between the workers, and merges their tallies.</summary>
    private static SampleTally Sample(CompiledProgram program, SamplingPlan plan, CheckOptions options, out long steps)
    {
        var workers = Math.Clamp(options.Workers > 0 ? options.Workers : Environment.ProcessorCount, 1, Math.Max(1, options.Runs));
        var gate = new object();
        var next = 0;
        var stop = false;
        ExceptionDispatchInfo? failure = null;
        var sampleWorkers = new SampleWorker[workers];

        void Work(int index)
        {
            var worker = sampleWorkers[index] = new SampleWorker(program, plan, options.MaxSteps);
            try
            {
                while (true)
                {
                    int run;

                    // Progress and cancellation go through one gate: the progress is told each run in
                    // order, and once cancelled no worker starts another run.
                    lock (gate)
                    {
                        if (stop || next >= options.Runs || options.Cancellation.IsCancellationRequested)
                        {
                            return;
                        }

                        run = next++;
                        options.Progress?.Invoke(run);
                    }

                    worker.Run(options.Seed + (ulong)run);
                }
            }
            catch (Exception e)
            {
                lock (gate)
                {
                    stop = true;
                    failure ??= ExceptionDispatchInfo.Capture(e);
                }
            }
        }

        var threads = Enumerable.Range(1, workers - 1).Select(i => new Thread(() => Work(i)) { IsBackground = true, Name = $"check worker {i}" }).ToArray();
        foreach (var thread in threads)
        {
            thread.Start();
        }

        Work(0);
        foreach (var thread in threads)
        {
            thread.Join();
        }

        failure?.Throw();
        var tally = new SampleTally();
        steps = 0;
        foreach (var worker in sampleWorkers)
        {
            tally.Merge(worker.Tally);
            steps += worker.Steps;
        }

        return tally;
    }

    /// <summary>
    /// Makes the run of a seed again with events, schedule and the kernel's invariants on: it must
    /// end the same way as the fast run did (the kernel is deterministic and its invariants hold).
    /// </summary>
    private static FoundRun Confirm(CompiledProgram program, SamplingPlan plan, CheckOptions options, (ulong Seed, int Steps, FindingKind Kind) found)
    {
        var kernel = new Kernel(program, new KernelOptions { MaxSteps = options.MaxSteps });
        SampledRun.Run(kernel, plan, found.Seed, new int[kernel.Layout.ThreadCount]);
        var result = RunResult.Of(kernel);
        if (result.Outcome != RunOutcome.Finding || result.Steps != found.Steps || result.Findings[0].Kind != found.Kind)
        {
            throw new InvalidOperationException(
                $"seed {found.Seed} ended in a {found.Kind} at step {found.Steps} without events, and in {result.Outcome} at step {result.Steps} with them: the kernel is not deterministic");
        }

        return new FoundRun(found.Seed, result.Findings, kernel.Schedule.ToArray()) { Scheduler = plan.Describe(found.Seed) };
    }
}
