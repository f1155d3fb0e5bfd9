using IpcLab.Core.Runtime;

namespace IpcLab.Core.Explore;

/// <summary>
/// Spells the run to a state of a <see cref="MergingSearch"/> step by step, as <see cref="RunSpeller"/>
/// does for single steps: from the start, along the parents, it tries each thread's transition
/// (its invisible steps and one more, with each choice of waiter) and takes the first that reaches
/// the next state's key in exactly the steps between the two states' depths. Every step of the
/// transition goes into the schedule, so the run replays as it is.
/// </summary>
internal sealed class MergedRunSpeller(
    Kernel kernel, StateGraph graph, SearchReductions reductions, InvisibleSteps invisible, int[] best, int maxSteps)
{
    private readonly ChoicePath _choices = new();
    private readonly long[] _state = new long[kernel.StateSize];
    private readonly int[] _runnable = new int[kernel.Layout.ThreadCount];

    /// <summary>
    /// The run to state <paramref name="id"/>, then the transition from it that finds <paramref name="kind"/>
    /// at step <paramref name="length"/> when <paramref name="atStep"/>, else the state's conclusion.
    /// </summary>
    public ExploredFinding Spell(FindingKind kind, int id, int length, bool atStep)
    {
        var ids = graph.Ancestry(id);
        var schedule = new List<ScheduleEntry>(length);
        kernel.Reset();
        for (var k = 1; k < ids.Length; k++)
        {
            var (from, next) = (ids[k - 1], ids[k]);
            schedule.AddRange(Find(best[from], best[next], () => kernel.Findings.Count == 0 && graph.TryGetId(reductions.Key(), out var reached) && reached == next)
                ?? throw Lost($"no transition from state {from} reaches state {next} in {best[next] - best[from]} steps again"));
        }

        if (atStep)
        {
            schedule.AddRange(Find(best[id], length, () => kernel.Findings.Any(f => f.Kind == kind))
                ?? throw Lost($"no transition from state {id} finds the {kind} at step {length} again"));
        }
        else
        {
            kernel.Conclude();
            if (!kernel.Findings.Any(f => f.Kind == kind))
            {
                throw Lost($"state {id} does not conclude with the {kind} again");
            }
        }

        return new ExploredFinding(kind, kernel.Findings.ToArray(), schedule);
    }

    /// <summary>
    /// Tries each transition from the kernel's present state (at depth <paramref name="at"/>) in the
    /// search's order; the kernel is left after the first that ends at depth <paramref name="to"/> and matches.
    /// </summary>
    private ScheduleEntry[]? Find(int at, int to, Func<bool> matches)
    {
        kernel.CopyStateTo(_state);
        var n = kernel.CollectRunnable(_runnable);
        for (var i = 0; i < n; i++)
        {
            var thread = _runnable[i];
            _choices.Begin();
            do
            {
                kernel.LoadState(_state, at);
                _choices.Rewind();
                var steps = MergingSearch.Transition(kernel, invisible, thread, _choices, at, maxSteps);
                if (at + steps == to && matches())
                {
                    return [.. kernel.Schedule];
                }
            }
            while (_choices.Advance());
        }

        return null;
    }

    private static InvalidOperationException Lost(string what) =>
        new($"spelling the run to a finding: {what}; the kernel is not deterministic");
}
