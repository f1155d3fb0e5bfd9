using IpcLab.Core.Runtime;

namespace IpcLab.Core.Lessons;

/// <summary>
/// Where a checkpoint stops the run: after a number of steps, after the first event of a kind
/// (optionally by a thread, on an object), before a thread runs a line, or at the end.
/// </summary>
public sealed record PausePoint(PauseKind Kind)
{
    public int Step { get; init; }

    /// <summary>The event's trace name (<c>blocked</c>, <c>put</c>); several kinds share one (every block is "blocked").</summary>
    public string Event { get; init; } = "";

    /// <summary>The thread (by name) an event must be by, or the thread that reaches a line; null for any.</summary>
    public string? Thread { get; init; }

    /// <summary>The object (by name) an event must be on; null for any.</summary>
    public string? Object { get; init; }

    public int Line { get; init; }

    /// <summary>The pause in the words of the lesson format (<c>line 7 of adder-2</c>).</summary>
    public override string ToString() => Kind switch
    {
        PauseKind.Step => $"step {Step}",
        PauseKind.FirstEvent => $"first {Event}{(Thread is null ? "" : $" by {Thread}")}{(Object is null ? "" : $" on {Object}")}",
        PauseKind.Line => $"line {Line} of {Thread}",
        _ => "end",
    };

    /// <summary>True when the event matches this pause's kind, thread and object.</summary>
    public bool Matches(KernelEvent e, Kernel kernel) =>
        Kind == PauseKind.FirstEvent && EventText.KindName(e.Kind) == Event
        && (Thread is null || (e.Thread >= 0 && kernel.ThreadName(e.Thread) == Thread))
        && (Object is null || (e.Object >= 0 && e.Kind is not (EventKind.ExpectHeld or EventKind.ExpectFailed) && kernel.ObjectName(e.Object) == Object));

    /// <summary>For a <see cref="PauseKind.Line"/> pause: true when its thread's next instruction is on its line.</summary>
    public bool AtLine(Kernel kernel)
    {
        var t = kernel.Program.ThreadIdOf(Thread!);
        return !kernel.HasEnded(t) && kernel.NextInstruction(t) is { } instr && instr.Pos.Line == Line;
    }
}
