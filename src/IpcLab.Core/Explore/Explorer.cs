using IpcLab.Core.Model;

namespace IpcLab.Core.Explore;

/// <summary>
/// Explores every schedule of a program breadth-first over its state graph: from each state, every
/// thread that can run, and for a step that wakes one of several waiters, every waiter. States are
/// merged by their logical hash (<see cref="Runtime.Kernel.StateHash"/>), so a state reached by many
/// schedules is expanded once. A step that reports a finding ends its branch; a state where no
/// thread can run is concluded (deadlock, final checks). Because the search goes layer by layer,
/// the first run found to each kind of finding is a shortest one. Three optional reductions
/// (<see cref="ExploreOptions.Symmetry"/>, <see cref="ExploreOptions.PartialOrder"/>,
/// <see cref="ExploreOptions.Merge"/>) explore less and find the same; see <see cref="StateSpaceSearch"/>
/// and <see cref="MergingSearch"/>.
/// </summary>
public static class Explorer
{
    public static ExploreReport Explore(
        CompiledProgram program,
        ExploreOptions options,
        IProgress<ExploreProgress>? progress = null,
        CancellationToken cancel = default)
    {
        if (!options.Merge)
        {
            return new StateSpaceSearch(program, options).Run(progress, cancel);
        }

        var (invisible, whyNot) = Merging(program, options);
        if (invisible is null)
        {
            var plain = new StateSpaceSearch(program, options).Run(progress, cancel);
            return plain with { ReductionNotes = [.. plain.ReductionNotes, "merge: not applied: " + whyNot] };
        }

        var merged = new MergingSearch(program, options, invisible).Run(progress, cancel);
        return options.PartialOrder
            ? merged with { ReductionNotes = [.. merged.ReductionNotes, "partial order: sleep sets are not combined with merging (not applied)"] }
            : merged;
    }

    /// <summary>The invisible steps of the program, or why merging them does not apply to this exploration.</summary>
    private static (InvisibleSteps? Steps, string? WhyNot) Merging(CompiledProgram program, ExploreOptions options)
    {
        if (options.SpuriousWakeups || options.CrashThreads.Count + options.CrashProcesses.Count > 0)
        {
            return (null, "spurious wake-ups and crashes can interrupt any step");
        }

        var (invisible, whyNot) = InvisibleSteps.Of(program);
        if (invisible is null)
        {
            return (null, whyNot);
        }

        var clock = new Runtime.Kernel(program, new Runtime.KernelOptions { RecordEvents = false, CheckInvariants = false }).Layout.HasClock;
        return clock ? (null, "the program has timed waits (every step moves the clock)") : (invisible, null);
    }
}
