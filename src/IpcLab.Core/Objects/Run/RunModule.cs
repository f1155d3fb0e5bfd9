using IpcLab.Core.Model;
using IpcLab.Core.Runtime;

namespace IpcLab.Core.Objects.Run;

/// <summary>
/// The events of the run itself rather than of one object: a thread that ends (finishes, faults,
/// is crashed), the clock that jumps to the next timeout, and the findings at the end (a deadlock,
/// the final checks, the budget). It owns no operation.
/// </summary>
internal sealed class RunModule : KernelModule
{
    public override string Name => "threads and the run";

    public override IReadOnlyList<EventSpec> Events { get; } =
    [
        new(EventKind.Faulted, EventClass.Fault, "faulted"),
        new(EventKind.Crashed, EventClass.Fault, "crashed"),
        new(EventKind.Finished, EventClass.Other, "finished"),
        new(EventKind.DeadlockCycle, EventClass.Finding, "deadlock-cycle"),
        new(EventKind.Deadlock, EventClass.Finding, "deadlock"),
        new(EventKind.ExpectHeld, EventClass.Other, "expect-held"),
        new(EventKind.ExpectFailed, EventClass.Finding, "expect-failed"),
        new(EventKind.BudgetExhausted, EventClass.Finding, "budget-exhausted"),
        new(EventKind.NeverStarted, EventClass.Finding, "never-started"),
        new(EventKind.ClockAdvanced, EventClass.Other, "clock-advanced"),
    ];

    internal override void Step(IKernelServices k, int t, int pc, Instr instr) =>
        throw new InvalidOperationException($"the {Name} module has no operation {instr.Op}");

    public override string Describe(in EventWords w)
    {
        var e = w.Event;
        var (who, name) = (w.Who, e.Kind is EventKind.ExpectHeld ? "" : w.Name);
        return e.Kind switch
        {
            EventKind.Faulted => $"{who} faults at line {w.Pos.Line}: {w.Text}{Holding(name)}",
            EventKind.Crashed => $"{who} crashes{Holding(name)}",
            EventKind.Finished => name.Length == 0 ? $"{who} finishes" : $"{who} finishes while still holding {name}",
            EventKind.DeadlockCycle or EventKind.Deadlock => $"deadlock: {w.Text}",
            EventKind.ExpectHeld => $"final check `{w.Program.Expectations[e.Object].Text}` holds",
            EventKind.ExpectFailed or EventKind.NeverStarted => w.Text,
            EventKind.BudgetExhausted => $"the run used its budget of {e.Value} steps without ending (a loop that never ends?)",
            EventKind.ClockAdvanced => $"no thread can run, so time passes until the earliest timeout (the clock is now {e.Value})",
            _ => NotMine(w),
        };
    }

    private static string Holding(string mutex) => mutex.Length == 0 ? "" : $" (still holding {mutex})";
}
