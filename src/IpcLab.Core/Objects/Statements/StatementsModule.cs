using System.Text;
using IpcLab.Core.Model;
using IpcLab.Core.Runtime;

namespace IpcLab.Core.Objects.Statements;

/// <summary>
/// A thread's own statements, which touch no shared object: locals, branches, loops, print,
/// assert, pass. Each is still a step (the scheduler may switch threads between any two), which
/// is why a check and the action it guards can be separated by another thread's steps.
/// </summary>
internal sealed class StatementsModule : KernelModule
{
    public override string Name => "thread statements";

    public override IReadOnlyList<OpSpec> Operations { get; } =
    [
        new(OpCode.SetLocal),
        new(OpCode.Branch),
        new(OpCode.ForInit),
        new(OpCode.ForNext),
        new(OpCode.RepeatInit),
        new(OpCode.RepeatNext),
        new(OpCode.Print, "print"),
        new(OpCode.Assert, "assert"),
        new(OpCode.Pass, "pass"),
        new(OpCode.Handle, "handle") { Shape = new("handle MESSAGE", null, 1) },
    ];

    public override IReadOnlyList<EventSpec> Events { get; } =
    [
        new(EventKind.LocalSet, EventClass.Other, "set"),
        new(EventKind.Branched, EventClass.Other, "branched"),
        new(EventKind.Looped, EventClass.Other, "looped"),
        new(EventKind.Printed, EventClass.Other, "printed"),
        new(EventKind.AssertHeld, EventClass.Other, "assert-held"),
        new(EventKind.AssertFailed, EventClass.Fault, "assert-failed"),
        new(EventKind.Passed, EventClass.Other, "passed"),
        new(EventKind.Handled, EventClass.Other, "handled"),
    ];

    internal override void Step(IKernelServices k, int t, int pc, Instr instr)
    {
        switch (instr.Op)
        {
            case OpCode.SetLocal:
                var value = k.Eval(t, instr.E1!);
                k.Local(t, instr.B) = value;
                k.Emit(EventKind.LocalSet, t, pc, other: instr.B, value: value);
                k.MoveTo(t, instr.Next);
                break;
            case OpCode.Branch:
                var taken = k.Eval(t, instr.E1!) != 0;
                k.Emit(EventKind.Branched, t, pc, value: taken ? 1 : 0);
                k.MoveTo(t, taken ? instr.Next : instr.Jump);
                break;
            case OpCode.ForInit or OpCode.ForNext or OpCode.RepeatInit or OpCode.RepeatNext:
                Loop(k, t, pc, instr);
                break;
            case OpCode.Print:
                Print(k, t, pc, instr);
                break;
            case OpCode.Assert:
                Assert(k, t, pc, instr);
                break;
            case OpCode.Handle:
                k.Emit(EventKind.Handled, t, pc, value: k.Eval(t, instr.E1!));
                k.MoveTo(t, instr.Next);
                break;
            default:
                k.Emit(EventKind.Passed, t, pc);
                k.MoveTo(t, instr.Next);
                break;
        }
    }

    private static void Loop(IKernelServices k, int t, int pc, Instr instr)
    {
        bool more;
        long shown;
        switch (instr.Op)
        {
            case OpCode.ForInit:
                var from = k.Eval(t, instr.E1!);
                var to = k.Eval(t, instr.E2!);
                k.Local(t, instr.B) = from;
                k.Local(t, instr.C) = to;
                (more, shown) = (from <= to, from);
                break;
            case OpCode.ForNext:
                // The loop goes on only while i < TO, so i + 1 cannot overflow; at the end i is one past
                // the last value, or stays at it when that is the largest number (nothing is past it).
                ref var i = ref k.Local(t, instr.B);
                more = i < k.Local(t, instr.C);
                if (i < long.MaxValue)
                {
                    i++;
                }

                shown = i;
                break;
            case OpCode.RepeatInit:
                var n = k.Eval(t, instr.E1!);
                k.Local(t, instr.B) = n;
                (more, shown) = (n > 0, n);
                break;
            default:
                var left = --k.Local(t, instr.B);
                (more, shown) = (left > 0, left);
                break;
        }

        k.Emit(EventKind.Looped, t, pc, other: more ? 0 : 1, value: shown);
        k.MoveTo(t, more ? instr.Next : instr.Jump);
    }

    private static void Print(IKernelServices k, int t, int pc, Instr instr)
    {
        var sb = new StringBuilder();
        foreach (var arg in instr.Args)
        {
            if (sb.Length > 0)
            {
                sb.Append(' ');
            }

            sb.Append(k.TextOf(t, arg));
        }

        k.Emit(EventKind.Printed, t, pc, value: k.RecordsEvents ? k.Intern(sb.ToString()) : 0);
        k.MoveTo(t, instr.Next);
    }

    private static void Assert(IKernelServices k, int t, int pc, Instr instr)
    {
        if (k.Eval(t, instr.E1!) != 0)
        {
            k.Emit(EventKind.AssertHeld, t, pc);
            k.MoveTo(t, instr.Next);
            return;
        }

        var message = instr.E2 is null
            ? $"assertion failed: {instr.Text}"
            : $"assertion failed: {k.TextOf(t, instr.E2)}";
        k.Fault(t, pc, FindingKind.AssertionFailed, EventKind.AssertFailed, message);
    }

    public override string Describe(in EventWords w)
    {
        var e = w.Event;
        var who = w.Who;
        var instr = w.Instr;
        return e.Kind switch
        {
            EventKind.LocalSet => $"{who} sets {w.Program.Threads[e.Thread].Locals[e.Other].Name} = {w.Value(w.Program.Threads[e.Thread].Locals[e.Other].Kind)}",
            EventKind.Branched => $"{who} checks {instr?.Text}: {(e.Value != 0 ? "true" : "false")}",
            EventKind.Looped => LoopText(who, instr, e),
            EventKind.Printed => $"{who} prints: {w.Text}",
            EventKind.AssertHeld => $"{who} asserts {instr?.Text}: holds",
            EventKind.AssertFailed => $"{who} at line {w.Pos.Line}: {w.Text}",
            EventKind.Passed => $"{who} passes",
            EventKind.Handled => $"{who} handles {w.Value(instr?.E1?.Kind ?? ValueKind.Int)}",
            _ => NotMine(w),
        };
    }

    private static string LoopText(string who, Instr? instr, KernelEvent e)
    {
        var ended = e.Other == 1;
        return instr?.Op switch
        {
            OpCode.ForInit or OpCode.ForNext => ended
                ? $"{who} leaves the loop `{instr.Text}`"
                : $"{who} loops: {instr.Text.Split(' ')[1]} = {e.Value}",
            _ => ended ? $"{who} leaves the repeat loop" : $"{who} repeats ({e.Value} to go)",
        };
    }
}
