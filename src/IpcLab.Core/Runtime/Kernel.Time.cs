using IpcLab.Core.Model;

namespace IpcLab.Core.Runtime;

// The clock of timed receives, and what the kernel tidies up after every step: members that
// ended leave their groups, and messages parked by senders that crashed are reported lost.
//
// The rule for timeouts: the clock counts the steps of the run (thread steps and injected
// faults). `timedreceive q, N` blocks with a deadline N steps ahead; at the end of the step that
// reaches the deadline, the receiver gives up (ok = false) and is ready again. When no thread
// can run and some wait with a deadline, nothing else could ever happen first, so the clock jumps
// to the earliest deadline at once. The clock and the deadlines are in the state array, so
// snapshots, hashes and replays include them.
public sealed partial class Kernel
{
    /// <summary>Steps of the run, as the timeouts count them (it can jump ahead, see above).</summary>
    public long Clock => _data[Layout.Messaging.ClockIndex];

    /// <summary>The step at which a timed receive gives up, or 0 when the thread has no deadline.</summary>
    public long DeadlineOf(int thread) => _data[Layout.Messaging.ThreadField(thread, MessagingLayout.DeadlineField)];

    /// <summary>Run at the end of every step and every injected fault, before the invariants are checked.</summary>
    private void PassTime()
    {
        // Without message queues or groups there is nothing to time out or tidy: the clock stays
        // at 0 and the step costs nothing more.
        if (!_hasMessaging)
        {
            return;
        }

        // The clock stops at its last value rather than wrap: no deadline lies beyond it (see
        // DeadlineAfter), so every wait still times out, and a new timeout there faults its thread.
        if (Clock < long.MaxValue)
        {
            _data[Layout.Messaging.ClockIndex]++;
        }

        TidyEndedThreads();
        ExpireDeadlines();
        if (AnyReady())
        {
            return;
        }

        var earliest = 0L;
        for (var t = 0; t < Layout.ThreadCount; t++)
        {
            var deadline = DeadlineOf(t);
            if (deadline > 0 && (earliest == 0 || deadline < earliest))
            {
                earliest = deadline;
            }
        }

        if (earliest > 0)
        {
            _data[Layout.Messaging.ClockIndex] = earliest;
            Emit(EventKind.ClockAdvanced, -1, -1, value: earliest);
            ExpireDeadlines();
        }
    }

    /// <summary>
    /// The deadline of a wait that may last <paramref name="timeout"/> more steps after this one (the
    /// clock counts the steps before it). A deadline past 2^63 - 1 is the program's integer overflow:
    /// the thread faults, as for any other overflow. <paramref name="waits"/> says what waits ("waits on q").
    /// </summary>
    private long DeadlineAfter(long timeout, string waits) =>
        timeout > long.MaxValue - 1 - Clock
            ? throw new ThreadFaultException($"{waits} with a timeout of {timeout} step{(timeout == 1 ? "" : "s")}: its deadline (step {Clock} + 1 + {timeout}) does not fit in 64 bits (integer overflow)")
            : Clock + 1 + timeout;

    private void ExpireDeadlines()
    {
        for (var t = 0; t < Layout.ThreadCount; t++)
        {
            var deadline = DeadlineOf(t);
            if (deadline > 0 && deadline <= Clock)
            {
                var pc = PcOf(t);
                var instr = _code[t][pc];
                var source = WaitObjectOf(t);

                // A timed send's ok is B and its parked message never entered the queue; a timed receive's ok is C.
                var sending = instr.Op == OpCode.TimedSendMessage;
                _data[Layout.LocalBase(t) + (sending ? instr.B : instr.C)] = 0;
                if (sending)
                {
                    ClearPending(t);
                }

                _data[Layout.Messaging.ThreadField(t, MessagingLayout.DeadlineField)] = 0;
                Wake(t);
                Emit(EventKind.ReceiveTimedOut, t, pc, source);
                MoveTo(t, instr.Next);
            }
        }
    }

    private void TidyEndedThreads()
    {
        for (var t = 0; t < Layout.ThreadCount; t++)
        {
            if (HasEnded(t))
            {
                LeaveAllGroups(t);
            }

            if (StatusOf(t) == ThreadStatus.Blocked)
            {
                continue;
            }

            // A sender that crashed while blocked took its parked message with it: it never was in the queue.
            var pendingQueue = (int)_data[Layout.Messaging.ThreadField(t, MessagingLayout.PendingQueueField)] - 1;
            if (pendingQueue >= 0)
            {
                Emit(EventKind.PendingLost, t, -1, pendingQueue, value: _data[Layout.Messaging.ThreadField(t, MessagingLayout.PendingValueField)]);
                ClearPending(t);
            }

            _data[Layout.Messaging.ThreadField(t, MessagingLayout.DeadlineField)] = 0;
        }
    }

    /// <summary>A thread that ended leaves every group it was in and every segment; the messages in its inbox stay there, undelivered.</summary>
    private void LeaveAllGroups(int t)
    {
        foreach (var g in _idsByKind[(int)ObjectKind.Group])
        {
            var member = Layout.Messaging.MemberBase(SlotOf(g), t);
            if (_data[member] != 0)
            {
                _data[member] = 0;
                Emit(EventKind.MemberGone, t, -1, g, value: _data[member + 1]);
                WakeSendersIfFull(-1, -1, g, _data[member + 1]);
            }
            else
            {
                WakeBroadcastsOffTheSegment(t, g);
            }
        }
    }

    partial void LeaveGroupsOfProcess(int process)
    {
        foreach (var t in Program.Processes[process].Threads)
        {
            LeaveAllGroups(t);
        }
    }

    private bool AnyReady()
    {
        for (var t = 0; t < Layout.ThreadCount; t++)
        {
            if (StatusOf(t) == ThreadStatus.Ready)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The member an anycast goes to, by policy; -1 when there is none (with room, if <paramref name="needRoom"/>).</summary>
    private int ChooseMember(int g, AnycastPolicy policy, bool needRoom)
    {
        if (policy == AnycastPolicy.FirstReady)
        {
            var first = -1;
            var firstTicket = long.MaxValue;
            for (var m = 0; m < Layout.ThreadCount; m++)
            {
                var ticket = _data[Layout.ThreadField(m, StateLayout.TicketField)];
                if (IsMember(g, m) && WaitObjectOf(m) == g && IsReceiveOp(_code[m][PcOf(m)].Op) && ticket < firstTicket)
                {
                    first = m;
                    firstTicket = ticket;
                }
            }

            if (first >= 0)
            {
                return first;
            }
        }

        var cursor = (int)_data[Layout.Messaging.GroupBase(SlotOf(g)) + MessagingLayout.GroupCursorField];
        var chosen = -1;
        var load = long.MaxValue;
        for (var i = 0; i < Layout.ThreadCount; i++)
        {
            var m = (cursor + i) % Layout.ThreadCount;
            if (!IsMember(g, m) || (needRoom && InboxFull(g, m)))
            {
                continue;
            }

            if (policy != AnycastPolicy.LeastLoaded)
            {
                return m;
            }

            var count = _data[Layout.Messaging.MemberBase(SlotOf(g), m) + 1];
            if (count < load)
            {
                load = count;
                chosen = m;
            }
        }

        return chosen;
    }
}
