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
    private void SetTimeout(int t, long steps) => _data[Layout.DeadlineIndex(t)] = Clock + 1 + steps;

    /// <summary>Run at the end of every step and every injected fault, before the invariants are checked.</summary>
    private void PassTime()
    {
        // Without objects that use the clock there is nothing to time out or tidy: the step costs nothing more.
        if (!Layout.HasClock)
        {
            return;
        }

        _data[Layout.ClockIndex]++;
        foreach (var module in ObjectModules.All)
        {
            module.OnClockTick(this);
        }

        ExpireDeadlines();
        if (AnyReady())
        {
            return;
        }

        var earliest = long.MaxValue;
        for (var t = 0; t < Layout.ThreadCount; t++)
        {
            var deadline = DeadlineOf(t);
            if (deadline > 0 && deadline < earliest)
            {
                earliest = deadline;
            }
        }

        if (earliest != long.MaxValue)
        {
            _data[Layout.ClockIndex] = earliest;
            Emit(EventKind.ClockAdvanced, -1, -1, value: earliest);
            ExpireDeadlines();
        }
    }

    /// <summary>Each thread whose deadline has come is timed out by the module of the object it waits on, in thread order.</summary>
    private void ExpireDeadlines()
    {
        for (var t = 0; t < Layout.ThreadCount; t++)
        {
            var deadline = DeadlineOf(t);
            if (deadline > 0 && deadline <= Clock)
            {
                var wait = Program.Objects[WaitObjectOf(t)];
                ObjectModules.Of(wait.Kind)!.TimeOut(this, wait, t);
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
