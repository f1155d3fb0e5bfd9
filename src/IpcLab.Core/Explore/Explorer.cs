using IpcLab.Core.Model;

namespace IpcLab.Core.Explore;

/// <summary>
/// Explores every schedule of a program breadth-first over its state graph: from each state, every
/// thread that can run, and for a step that wakes one of several waiters, every waiter. States are
/// merged by their logical hash (<see cref="Runtime.Kernel.StateHash"/>), so a state reached by many
/// schedules is expanded once. A step that reports a finding ends its branch; a state where no
/// thread can run is concluded (deadlock, final checks). Because the search goes layer by layer,
/// the first run found to each kind of finding is a shortest one. Two optional reductions
/// (<see cref="ExploreOptions.Symmetry"/>, <see cref="ExploreOptions.PartialOrder"/>) explore less
/// and find the same; see <see cref="StateSpaceSearch"/>.
/// </summary>
public static class Explorer
{
    public static ExploreReport Explore(
        CompiledProgram program,
        ExploreOptions options,
        IProgress<ExploreProgress>? progress = null,
        CancellationToken cancel = default) =>
        new StateSpaceSearch(program, options).Run(progress, cancel);
}
