using IpcLab.Core.Runtime;

namespace IpcLab.Core.Explore;

/// <summary>
/// One sampled run, the same on the fast kernel of a worker (<see cref="SampleWorker"/>) and on a
/// full one that confirms or replays it (<see cref="Checker"/>): the seed's scheduler picks each
/// step, and its injections (if the check asked for any) come in between.
/// </summary>
internal static class SampledRun
{
    /// <summary>Runs the kernel, from the state it is in, to the end of the run of <paramref name="seed"/>, and concludes it.</summary>
    public static void Run(Kernel kernel, SamplingPlan plan, ulong seed, Span<int> runnable)
    {
        var scheduler = plan.SchedulerFor(seed);
        var injections = plan.InjectionsFor(seed);
        var budget = kernel.Options.MaxSteps;
        while (true)
        {
            if (kernel.StepCount >= budget)
            {
                if (!kernel.IsOver)
                {
                    kernel.ExhaustBudget();
                }

                break;
            }

            // An injection may also end a state where no thread can run (a spurious wake-up of a
            // waiter that nothing else would wake): it is tried before the run is concluded.
            if (injections?.Due(kernel) is { } injection)
            {
                kernel.Apply(injection);
                continue;
            }

            var n = kernel.CollectRunnable(runnable);
            if (n == 0)
            {
                break;
            }

            kernel.Step(scheduler.ChooseThread(kernel, runnable[..n]), scheduler);
        }

        kernel.Conclude();
    }
}
