using IpcLab.Core.Objects;

namespace IpcLab.Core.Runtime;

// The clock of timed waits, and what the modules tidy up after every step.
//
// The rule for timeouts: the clock counts the steps of the run (thread steps and injected
// faults). A timed wait (`timedreceive q, N`) blocks with a deadline N steps ahead; at the end of
// the step that reaches the deadline, the module of the object it waits on times it out (the
// receiver gives up with ok = false and is ready again). When no thread can run and some wait
// with a deadline, nothing else could ever happen first, so the clock jumps to the earliest
// deadline at once. The clock and the deadlines are in the state array, so snapshots, hashes
// and replays include them. A run whose objects have no timed waits has no clock.
public sealed partial class Kernel
{
    /// <summary>Steps of the run, as the timeouts count them (it can jump ahead, see above); 0 in a run without a clock.</summary>
    public long Clock => Layout.HasClock ? _data[Layout.ClockIndex] : 0;

    /// <summary>The step at which a thread's timed wait gives up, or 0 when the thread has no deadline.</summary>
    public long DeadlineOf(int thread) => Layout.HasClock ? _data[Layout.DeadlineIndex(thread)] : 0;

    /// <summary>The thread, about to join a wait queue, gives up after <paramref name="steps"/> more steps: the clock counts the steps before this one.</summary>
    private void SetTimeout(int t, long steps, string waits)
    {
        if (steps < 0)
        {
            throw new ThreadFaultException($"{waits} with a negative timeout ({steps} steps)");
        }

        _data[Layout.DeadlineIndex(t)] = DeadlineAfter(steps, waits);
    }

    /// <summary>Run at the end of every step and every injected fault, before the invariants are checked.</summary>
    private void PassTime()
    {
        // Without objects that use the clock there is nothing to time out or tidy: the step costs nothing more.
        if (!Layout.HasClock)
        {
            return;
        }

        // The clock stops at its last value rather than wrap: no deadline lies beyond it (see
        // DeadlineAfter), so every wait still times out, and a new timeout there faults its thread.
        if (Clock < long.MaxValue)
        {
            _data[Layout.ClockIndex]++;
        }

        foreach (var module in ObjectModules.Clocked)
        {
            module.OnClockTick(this);
        }

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
            _data[Layout.ClockIndex] = earliest;
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

    /// <summary>Each thread whose deadline has come is timed out by the module of the object it waits on, in thread order.</summary>
    private void ExpireDeadlines()
    {
        for (var t = 0; t < Layout.ThreadCount; t++)
        {
            var deadline = DeadlineOf(t);
            if (deadline > 0 && deadline <= Clock)
            {
                var wait = Program.Objects[WaitObjectOf(t)];
                ObjectModules.Of(wait.Kind).TimeOut(this, wait, t);
            }
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
}
