using IpcLab.Core.Runtime;

namespace IpcLab.Core.Explore;

/// <summary>
/// Spells the run to a state of an exploration, which keeps only each state's key and first
/// parent (<see cref="StateGraph"/>): from the start, along the parents, it tries the steps of
/// each state in the search's order and takes the first that reaches the next state's key. With
/// the symmetry reduction that step may reach a renaming of the state the search stored; from a
/// renaming the same kinds of finding are as near, so the run it spells is as short and as real.
/// </summary>
internal sealed class RunSpeller(Kernel kernel, StateGraph graph, SearchReductions reductions, IReadOnlyList<ScheduleEntry> injections)
{
    private readonly ChoicePath _choices = new();
    private readonly long[] _state = new long[kernel.StateSize];
    private readonly int[] _runnable = new int[kernel.Layout.ThreadCount];

    /// <summary>
    /// The run to state <paramref name="id"/>, then the step from it that finds <paramref name="kind"/>
    /// when <paramref name="atStep"/>, else the state's conclusion (a deadlock, a failed final check).
    /// </summary>
    public ExploredFinding Spell(FindingKind kind, int id, bool atStep)
    {
        var ids = graph.Ancestry(id);
        var schedule = new List<ScheduleEntry>(ids.Length);
        kernel.Reset();
        for (var k = 1; k < ids.Length; k++)
        {
            var next = ids[k];
            schedule.Add(Find(k - 1, () => kernel.Findings.Count == 0 && graph.TryGetId(reductions.Key(), out var reached) && reached == next)
                ?? throw Lost($"no step from state {ids[k - 1]} reaches state {next} again"));
        }

        if (atStep)
        {
            schedule.Add(Find(ids.Length - 1, () => kernel.Findings.Any(f => f.Kind == kind))
                ?? throw Lost($"no step from state {id} finds the {kind} again"));
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

    /// <summary>Tries each step from the kernel's present state, in the search's order; the kernel is left after the first that matches.</summary>
    private ScheduleEntry? Find(int at, Func<bool> matches)
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
                kernel.Step(thread, _choices);
                if (matches())
                {
                    return kernel.Schedule[0];
                }
            }
            while (_choices.Advance());
        }

        foreach (var injection in injections)
        {
            kernel.LoadState(_state, at);
            if (InjectedChoices.CanInject(kernel, injection))
            {
                kernel.Apply(injection);
                if (matches())
                {
                    return kernel.Schedule[0];
                }
            }
        }

        return null;
    }

    private static InvalidOperationException Lost(string what) =>
        new($"spelling the run to a finding: {what}; the kernel is not deterministic");
}
