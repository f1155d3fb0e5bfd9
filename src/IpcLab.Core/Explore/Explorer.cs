using IpcLab.Core.Model;
using IpcLab.Core.Runtime;

namespace IpcLab.Core.Explore;

/// <summary>
/// Explores every schedule of a program breadth-first over its state graph: from each state, every
/// thread that can run, and for a step that wakes one of several waiters, every waiter. States are
/// merged by their logical hash (<see cref="Kernel.StateHash"/>), so a state reached by many
/// schedules is expanded once. A step that reports a finding ends its branch; a state where no
/// thread can run is concluded (deadlock, final checks). Because the search goes layer by layer,
/// the first run found to each kind of finding is a shortest one.
/// </summary>
public static class Explorer
{
    // Ctrl-C is looked at every 4,096 new states (a fraction of a second), progress told every 65,536.
    private const int CancelMask = 4095;
    private const int ProgressMask = 65535;

    public static ExploreReport Explore(
        CompiledProgram program,
        ExploreOptions options,
        IProgress<ExploreProgress>? progress = null,
        CancellationToken cancel = default)
    {
        var kernel = new Kernel(program, new KernelOptions
        {
            MaxSteps = options.MaxSteps,
            RecordEvents = false,
            RecordSchedule = true,
            CheckInvariants = false,
        });
        var graph = new StateGraph();
        graph.Add(kernel.StateHash(), parent: -1, via: default);
        var frontier = new StateQueue(kernel.StateSize);
        var data = new long[kernel.StateSize];
        kernel.CopyStateTo(data);
        frontier.Enqueue(0, 0, data);
        var child = new long[kernel.StateSize];

        var found = new Dictionary<FindingKind, ExploredFinding>();
        var choices = new ChoicePath();
        var runnable = new int[kernel.Layout.ThreadCount];
        var threads = new int[kernel.Layout.ThreadCount];
        long transitions = 0;
        int depth = 0, finals = 0, cut = 0;
        var stop = ExploreStop.Complete;

        while (frontier.Count > 0 && stop == ExploreStop.Complete)
        {
            var (id, at) = frontier.Dequeue(data);
            depth = Math.Max(depth, at);
            kernel.LoadState(data, at);
            var n = kernel.CollectRunnable(runnable);
            if (n == 0)
            {
                kernel.Conclude();
                if (kernel.Findings.Count == 0)
                {
                    finals++;
                }
                else
                {
                    Keep(found, kernel, () => graph.PathTo(id));
                }

                continue;
            }

            if (at >= options.MaxSteps)
            {
                cut++;
                continue;
            }

            // The runnable threads are copied: each try below reloads the state and steps again.
            runnable.AsSpan(0, n).CopyTo(threads);
            foreach (var thread in threads.AsSpan(0, n))
            {
                choices.Begin();
                do
                {
                    kernel.LoadState(data, at);
                    choices.Rewind();
                    kernel.Step(thread, choices);
                    transitions++;
                    var entry = kernel.Schedule[0];
                    if (kernel.Findings.Count > 0)
                    {
                        Keep(found, kernel, () => [.. graph.PathTo(id), entry]);
                        continue;
                    }

                    var hash = kernel.StateHash();
                    if (graph.Contains(hash))
                    {
                        continue;
                    }

                    if (graph.Count >= options.MaxStates)
                    {
                        stop = ExploreStop.StateLimit;
                        break;
                    }

                    var next = graph.Add(hash, id, entry);
                    kernel.CopyStateTo(child);
                    frontier.Enqueue(next, at + 1, child);
                    if ((next & CancelMask) == 0)
                    {
                        if ((next & ProgressMask) == 0)
                        {
                            progress?.Report(new ExploreProgress(graph.Count, transitions, at + 1, frontier.Count));
                        }

                        if (cancel.IsCancellationRequested)
                        {
                            stop = ExploreStop.Interrupted;
                            break;
                        }
                    }
                }
                while (choices.Advance());

                if (stop != ExploreStop.Complete)
                {
                    break;
                }
            }
        }

        var findings = found.Values.OrderBy(f => f.Schedule.Count).ThenBy(f => f.Kind).ToArray();
        return new ExploreReport(graph.Count, transitions, depth, finals, cut, stop, findings);
    }

    /// <summary>
    /// The first run to each kind of finding is kept: breadth-first, no later one is shorter. The
    /// schedule is spelled only for a kind not seen yet (walking back to the start costs a path's length).
    /// </summary>
    private static void Keep(Dictionary<FindingKind, ExploredFinding> found, Kernel kernel, Func<IReadOnlyList<ScheduleEntry>> schedule)
    {
        IReadOnlyList<ScheduleEntry>? path = null;
        foreach (var kind in kernel.Findings.Select(f => f.Kind).Distinct())
        {
            if (!found.ContainsKey(kind))
            {
                path ??= schedule();
                found.Add(kind, new ExploredFinding(kind, kernel.Findings.ToArray(), path));
            }
        }
    }
}
