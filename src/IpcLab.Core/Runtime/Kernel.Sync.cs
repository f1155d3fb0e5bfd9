using IpcLab.Core.Model;

namespace IpcLab.Core.Runtime;

// Mutexes, condition variables and semaphores.
public sealed partial class Kernel
{
    private void DoLock(int t, int pc, Instr instr, bool reacquire)
    {
        var m = instr.A;
        var ownerAt = Layout.MutexBase + SlotOf(m);
        var owner = (int)_data[ownerAt];
        if (owner == t)
        {
            throw new ThreadFaultException($"locks {ObjectName(m)}, which it already holds (a mutex cannot be locked twice)");
        }

        if (owner < 0)
        {
            _data[ownerAt] = t;
            SetOwnerDiedFlag(t, 0);
            Emit(EventKind.Acquired, t, pc, m, value: reacquire ? 1 : 0);
            MoveTo(t, instr.Next);
            return;
        }

        if (IsOrphaned(m, owner))
        {
            TakeOverOrphaned(t, pc, instr, m, owner);
            return;
        }

        // The lock step itself stays pending: the unlocker hands the mutex over and moves this
        // thread past it, so a blocked thread never has to retry (and cannot be overtaken).
        JoinWaitQueue(t, m, ThreadStatus.Blocked);
        Emit(EventKind.BlockedOnMutex, t, pc, m, owner, reacquire ? 1 : 0);
        ReportCycleFrom(t, pc);
    }

    private void DoTryLock(int t, int pc, Instr instr)
    {
        var m = instr.A;
        var ownerAt = Layout.MutexBase + SlotOf(m);
        var owner = (int)_data[ownerAt];
        if (owner == t)
        {
            throw new ThreadFaultException($"trylocks {ObjectName(m)}, which it already holds");
        }

        var local = Layout.LocalBase(t) + instr.B;
        if (owner < 0)
        {
            _data[ownerAt] = t;
            _data[local] = 1;
            Emit(EventKind.Acquired, t, pc, m);
        }
        else
        {
            _data[local] = 0;
            Emit(EventKind.TryLockFailed, t, pc, m, owner);
        }

        MoveTo(t, instr.Next);
    }

    private void DoUnlock(int t, int pc, Instr instr)
    {
        var m = instr.A;
        var owner = MutexOwner(m);
        if (owner != t)
        {
            var holder = owner < 0 ? "nobody holds it" : $"{ThreadName(owner)} holds it";
            throw new ThreadFaultException($"unlocks {ObjectName(m)}, which it does not hold ({holder})");
        }

        ReleaseMutex(t, pc, m);
        MoveTo(t, instr.Next);
    }

    /// <summary>Frees a mutex, or passes it straight to the first thread in its entry queue.</summary>
    private void ReleaseMutex(int t, int pc, int m)
    {
        var ownerAt = Layout.MutexBase + SlotOf(m);
        var next = FirstWaiter(m);
        if (next < 0)
        {
            _data[ownerAt] = -1;
            Emit(EventKind.Released, t, pc, m);
            return;
        }

        _data[ownerAt] = next;
        Wake(next);
        SetOwnerDiedFlag(next, 0);
        Emit(EventKind.HandedOff, t, pc, m, next);
        MoveTo(next, _code[next][PcOf(next)].Next);
    }

    private void DoCondWait(int t, int pc, Instr instr)
    {
        var c = instr.A;
        var m = instr.B;
        if (MutexOwner(m) != t)
        {
            throw new ThreadFaultException($"waits on {ObjectName(c)} without holding {ObjectName(m)}");
        }

        // Releasing m and joining c's queue happen in this one step. That is the whole point of
        // wait: a signaller must lock m before it can signal, so it cannot slip in between and
        // signal before this thread is in the queue — no wake-up is lost.
        JoinWaitQueue(t, c, ThreadStatus.Waiting);
        Emit(EventKind.Waiting, t, pc, c, m);
        ReleaseMutex(t, pc, m);
        _data[Layout.ThreadField(t, StateLayout.PcField)] = instr.Next;
    }

    private void DoSignal(int t, int pc, Instr instr)
    {
        var c = instr.A;
        var waiters = WaitersOf(c);
        if (waiters.Count == 0)
        {
            Emit(EventKind.SignalLost, t, pc, c);
            MoveTo(t, instr.Next);
            return;
        }

        var woken = waiters[0];
        if (waiters.Count > 1)
        {
            woken = _chooser?.ChooseWaiter(this, c, waiters) ?? woken;
            if (!waiters.Contains(woken))
            {
                throw new InvalidOperationException($"the waiter chooser picked {woken}, which does not wait on {ObjectName(c)}");
            }

            _pendingWoken = woken;
        }

        Wake(woken);
        Emit(EventKind.Signalled, t, pc, c, woken);
        Emit(EventKind.Woken, woken, PcOf(woken), c);
        MoveTo(t, instr.Next);
    }

    private void DoBroadcast(int t, int pc, Instr instr)
    {
        var c = instr.A;
        var waiters = WaitersOf(c);
        Emit(EventKind.Broadcast, t, pc, c, value: waiters.Count);
        foreach (var w in waiters)
        {
            Wake(w);
            Emit(EventKind.Woken, w, PcOf(w), c);
        }

        MoveTo(t, instr.Next);
    }

    private void DoSemP(int t, int pc, Instr instr)
    {
        var s = instr.A;
        var countAt = Layout.SemBase + SlotOf(s);
        if (_data[countAt] > 0)
        {
            _data[countAt]--;
            Emit(EventKind.SemDown, t, pc, s, value: _data[countAt]);
            MoveTo(t, instr.Next);
            return;
        }

        JoinWaitQueue(t, s, ThreadStatus.Blocked);
        Emit(EventKind.SemBlocked, t, pc, s);
    }

    private void DoSemV(int t, int pc, Instr instr)
    {
        var s = instr.A;
        var next = FirstWaiter(s);
        if (next < 0)
        {
            var countAt = Layout.SemBase + SlotOf(s);
            if (_data[countAt] == long.MaxValue)
            {
                throw new ThreadFaultException($"posts {ObjectName(s)}, whose count is already {long.MaxValue}: one more unit does not fit in 64 bits (integer overflow)");
            }

            _data[countAt]++;
            Emit(EventKind.SemUp, t, pc, s, value: _data[countAt]);
        }
        else
        {
            Wake(next);
            Emit(EventKind.SemHandedOff, t, pc, s, next);
            MoveTo(next, _code[next][PcOf(next)].Next);
        }

        MoveTo(t, instr.Next);
    }

    private void JoinWaitQueue(int t, int obj, ThreadStatus status)
    {
        SetStatus(t, status);
        _data[Layout.ThreadField(t, StateLayout.WaitObjectField)] = obj;
        _data[Layout.ThreadField(t, StateLayout.TicketField)] = _data[StateLayout.TicketSlot]++;
    }

    /// <summary>Takes a thread out of its wait queue and makes it ready.</summary>
    private void Wake(int t)
    {
        LeaveWaitQueue(t);
        SetStatus(t, ThreadStatus.Ready);
    }

    private void LeaveWaitQueue(int t)
    {
        _data[Layout.ThreadField(t, StateLayout.WaitObjectField)] = -1;
        _data[Layout.ThreadField(t, StateLayout.TicketField)] = 0;
    }

    /// <summary>The thread with the lowest ticket queued on an object, or -1.</summary>
    private int FirstWaiter(int obj)
    {
        var best = -1;
        var bestTicket = long.MaxValue;
        for (var t = 0; t < Layout.ThreadCount; t++)
        {
            if (_data[Layout.ThreadField(t, StateLayout.WaitObjectField)] == obj)
            {
                var ticket = _data[Layout.ThreadField(t, StateLayout.TicketField)];
                if (ticket < bestTicket)
                {
                    bestTicket = ticket;
                    best = t;
                }
            }
        }

        return best;
    }
}
