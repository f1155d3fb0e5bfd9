using System.Text;
using IpcLab.Core.Model;

namespace IpcLab.Core.Runtime;

// Bounded queues, shared variables, locals, control flow, print and assert.
public sealed partial class Kernel
{
    private void DoPut(int t, int pc, Instr instr, bool tryOnly)
    {
        var q = instr.A;
        var slot = SlotOf(q);
        var value = Eval(t, instr.E1!);
        var b = Layout.QueueBase(slot);
        var capacity = Layout.QueueCapacity(slot);
        var full = _data[b + 1] - _data[b] >= capacity;
        if (tryOnly)
        {
            _data[Layout.LocalBase(t) + instr.B] = full ? 0 : 1;
        }

        if (full)
        {
            if (!tryOnly)
            {
                throw new ThreadFaultException($"put on full queue {ObjectName(q)} ({capacity} of {capacity} slots used)");
            }

            Emit(EventKind.TryFailed, t, pc, q, value: value);
            MoveTo(t, instr.Next);
            return;
        }

        _data[b + 2 + (int)(_data[b + 1] % capacity)] = value;
        _data[b + 1]++;
        Emit(EventKind.Put, t, pc, q, value: value);
        MoveTo(t, instr.Next);
    }

    private void DoTake(int t, int pc, Instr instr, bool tryOnly)
    {
        var q = instr.A;
        var slot = SlotOf(q);
        var b = Layout.QueueBase(slot);
        var capacity = Layout.QueueCapacity(slot);
        var locals = Layout.LocalBase(t);
        var empty = _data[b + 1] == _data[b];
        if (tryOnly)
        {
            _data[locals + instr.C] = empty ? 0 : 1;
        }

        if (empty)
        {
            if (!tryOnly)
            {
                throw new ThreadFaultException($"take from empty queue {ObjectName(q)}");
            }

            Emit(EventKind.TryFailed, t, pc, q);
            MoveTo(t, instr.Next);
            return;
        }

        var at = b + 2 + (int)(_data[b] % capacity);
        var value = _data[at];
        _data[at] = 0; // a free slot holds nothing, so states that differ only in stale slots are equal
        _data[b]++;
        _data[locals + instr.B] = value;
        Emit(EventKind.Took, t, pc, q, value: value);
        MoveTo(t, instr.Next);
    }

    private void DoLoad(int t, int pc, Instr instr)
    {
        var value = _data[Layout.SharedBase + SlotOf(instr.A)];
        _data[Layout.LocalBase(t) + instr.B] = value;
        Emit(EventKind.Loaded, t, pc, instr.A, instr.B, value);
        MoveTo(t, instr.Next);
    }

    private void DoStore(int t, int pc, Instr instr)
    {
        var value = Eval(t, instr.E1!);
        _data[Layout.SharedBase + SlotOf(instr.A)] = value;
        Emit(EventKind.Stored, t, pc, instr.A, value: value);
        MoveTo(t, instr.Next);
    }

    private void DoSetLocal(int t, int pc, Instr instr)
    {
        var value = Eval(t, instr.E1!);
        _data[Layout.LocalBase(t) + instr.B] = value;
        Emit(EventKind.LocalSet, t, pc, other: instr.B, value: value);
        MoveTo(t, instr.Next);
    }

    private void DoBranch(int t, int pc, Instr instr)
    {
        var taken = Eval(t, instr.E1!) != 0;
        Emit(EventKind.Branched, t, pc, value: taken ? 1 : 0);
        MoveTo(t, taken ? instr.Next : instr.Jump);
    }

    private void DoForInit(int t, int pc, Instr instr)
    {
        var from = Eval(t, instr.E1!);
        var to = Eval(t, instr.E2!);
        var locals = Layout.LocalBase(t);
        _data[locals + instr.B] = from;
        _data[locals + instr.C] = to;
        Emit(EventKind.Looped, t, pc, other: from <= to ? 0 : 1, value: from);
        MoveTo(t, from <= to ? instr.Next : instr.Jump);
    }

    private void DoForNext(int t, int pc, Instr instr)
    {
        // The loop goes on only while i < TO, so i + 1 cannot overflow; at the end i is one past
        // the last value, or stays at it when that is the largest number (nothing is past it).
        var locals = Layout.LocalBase(t);
        var i = _data[locals + instr.B];
        var more = i < _data[locals + instr.C];
        if (i < long.MaxValue)
        {
            i = ++_data[locals + instr.B];
        }

        Emit(EventKind.Looped, t, pc, other: more ? 0 : 1, value: i);
        MoveTo(t, more ? instr.Next : instr.Jump);
    }

    private void DoRepeatInit(int t, int pc, Instr instr)
    {
        var n = Eval(t, instr.E1!);
        _data[Layout.LocalBase(t) + instr.B] = n;
        Emit(EventKind.Looped, t, pc, other: n > 0 ? 0 : 1, value: n);
        MoveTo(t, n > 0 ? instr.Next : instr.Jump);
    }

    private void DoRepeatNext(int t, int pc, Instr instr)
    {
        var left = --_data[Layout.LocalBase(t) + instr.B];
        Emit(EventKind.Looped, t, pc, other: left > 0 ? 0 : 1, value: left);
        MoveTo(t, left > 0 ? instr.Next : instr.Jump);
    }

    private void DoPrint(int t, int pc, Instr instr)
    {
        var sb = new StringBuilder();
        foreach (var arg in instr.Args)
        {
            if (sb.Length > 0)
            {
                sb.Append(' ');
            }

            sb.Append(CExpr.Format(arg.Kind, Eval(t, arg), Strings, quoteStrings: false));
        }

        Emit(EventKind.Printed, t, pc, value: Options.RecordEvents ? Strings.Intern(sb.ToString()) : 0);
        MoveTo(t, instr.Next);
    }

    private void DoAssert(int t, int pc, Instr instr)
    {
        if (Eval(t, instr.E1!) != 0)
        {
            Emit(EventKind.AssertHeld, t, pc);
            MoveTo(t, instr.Next);
            return;
        }

        var message = instr.E2 is null
            ? $"assertion failed: {instr.Text}"
            : $"assertion failed: {CExpr.Format(instr.E2.Kind, Eval(t, instr.E2), Strings, quoteStrings: false)}";
        FaultThread(t, pc, FindingKind.AssertionFailed, EventKind.AssertFailed, message);
    }
}
