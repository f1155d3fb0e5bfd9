namespace IpcLab.Core.Explore;

/// <summary>
/// What both searches look at as their visited set grows: the memory bound and Ctrl-C every 4,096
/// new states (a fraction of a second), and progress told every 65,536.
/// </summary>
internal sealed class SearchWatch(ExploreOptions options, IProgress<ExploreProgress>? progress, CancellationToken cancel)
{
    private const int CancelMask = 4095;
    private const int ProgressMask = 65535;

    /// <summary>True when the state just added is one to look after (<see cref="Look"/>).</summary>
    public static bool Due(int state) => (state & CancelMask) == 0;

    /// <summary>
    /// After state <paramref name="state"/> was added, holding <paramref name="bytes"/>: tells the
    /// progress when it is time, and sets <paramref name="stop"/> when the memory bound is passed or
    /// Ctrl-C was pressed. A stop already set is never taken back.
    /// </summary>
    public void Look(ref ExploreStop stop, int state, long transitions, int depth, int toExpand, long bytes)
    {
        if ((state & ProgressMask) == 0)
        {
            progress?.Report(new ExploreProgress(state + 1, transitions, depth, toExpand) { Bytes = bytes });
        }

        if (bytes > options.MaxMemory)
        {
            stop = ExploreStop.MemoryLimit;
        }
        else if (cancel.IsCancellationRequested)
        {
            stop = ExploreStop.Interrupted;
        }
    }
}
