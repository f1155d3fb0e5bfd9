using System.Globalization;
using IpcLab.Core.Model;
using IpcLab.Core.Runtime;
using IpcLab.Core.Scheduling;

namespace IpcLab.Core.Explore;

/// <summary>
/// Shortens a failing run from its end backward, for graphs too big to search from the start: a
/// breadth-first search (<see cref="EndingSearch"/>) from the state a few steps before the finding
/// gives a shortest ending from there, then one from further back, and so on while a search fits
/// the budget. Each search starts where the ending before it is known to be a shortest one, so
/// what it splices in is the run's best way from that state on; the last one that fits decides how
/// far back the run is a shortest one. A search that gets back to the start is a breadth-first
/// search from there: the run is then a shortest one.
/// </summary>
internal sealed class EndingSweep
{
    /// <summary>The first search starts this many steps before the finding.</summary>
    public const int FirstReach = 8;

    private readonly CompiledProgram _program;
    private readonly FindingKind _kind;
    private readonly int _maxSteps;
    private readonly long _budget;
    private readonly Action<string>? _progress;
    private readonly Kernel _kernel;
    private EndingSearch? _search;

    /// <param name="budget">States the searches may store in all.</param>
    public EndingSweep(CompiledProgram program, FindingKind kind, int maxSteps, long budget, Action<string>? progress)
    {
        _program = program;
        _kind = kind;
        _maxSteps = maxSteps;
        _budget = budget;
        _progress = progress;
        _kernel = new Kernel(program, new KernelOptions { MaxSteps = maxSteps, RecordEvents = false, CheckInvariants = false });
    }

    /// <summary>States the searches stored in all.</summary>
    public long States => _search?.States ?? 0;

    /// <summary>Kernel steps the searches and the replays took in all.</summary>
    public long Steps { get; private set; }

    /// <summary>Shorter endings spliced into the run.</summary>
    public int Endings { get; private set; }

    /// <summary>True when a search from the start itself went to the end: the run is a shortest one.</summary>
    public bool FromStart { get; private set; }

    /// <summary>The run with the shortest ending the budget found (as far as it got when <paramref name="cancel"/> stopped it).</summary>
    public ScheduleEntry[] Shrink(IReadOnlyList<ScheduleEntry> schedule, CancellationToken cancel = default)
    {
        var run = schedule.ToArray();
        var original = run.Length;
        var at = 0;
        _search ??= new EndingSearch(_program, _kind, _maxSteps, run)
        {
            Stored = _progress is null ? null : stored => _progress(string.Create(CultureInfo.InvariantCulture,
                $"shrinking by endings: {original} steps down to {run.Length} so far; searching from step {at}: {stored:N0} states, {States + stored:N0} of at most {_budget:N0} in all")),
        };
        var reach = Math.Min(FirstReach, run.Length);
        while (States < _budget && !cancel.IsCancellationRequested)
        {
            at = run.Length - reach;
            var before = _search.Steps;
            var ending = _search.Search(run, at, reach, (int)Math.Min(int.MaxValue, _budget - States), out var complete, cancel);
            Steps += _search.Steps - before;
            if (ending is not null)
            {
                run = Splice(run, at, ending);
                Endings++;
            }

            _progress?.Invoke(string.Create(CultureInfo.InvariantCulture,
                $"shrinking by endings: {original} steps down to {run.Length} so far; searched from step {at}, {States:N0} of at most {_budget:N0} states"));
            if (!complete || at == 0)
            {
                FromStart = complete && at == 0;
                break;
            }

            // From `at` on the run is a shortest ending now: the next search starts further back,
            // by a quarter of what it must cover (the searches grow fast with their reach).
            var covered = run.Length - at;
            reach = Math.Min(run.Length, covered + Math.Max(4, covered / 4));
        }

        return run;
    }

    /// <summary>The run's first <paramref name="at"/> entries then the ending, checked by replaying it.</summary>
    private ScheduleEntry[] Splice(ScheduleEntry[] run, int at, ScheduleEntry[] ending)
    {
        ScheduleEntry[] candidate = [.. run.AsSpan(0, at), .. ending];
        _kernel.Reset();
        var misfit = Runner.TryApply(_kernel, candidate, candidate.Length);
        Steps += _kernel.StepCount;
        _kernel.Conclude();
        return misfit is null && _kernel.Findings.Any(f => f.Kind == _kind)
            ? candidate
            : throw new InvalidOperationException($"an ending found from step {at} does not find the {_kind} again when replayed: the kernel is not deterministic");
    }
}
