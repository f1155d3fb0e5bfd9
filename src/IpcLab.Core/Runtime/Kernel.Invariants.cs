using System.Runtime.CompilerServices;
using IpcLab.Core.Model;
using IpcLab.Core.Objects;
using IpcLab.Core.Objects.Descriptors;

namespace IpcLab.Core.Runtime;

// What must hold after every step, whatever the script does. A failure is a bug in IpcLab.
public sealed partial class Kernel
{
    public void AssertInvariants()
    {
        // The objects first: a thread's wait below is judged by asking its object, which must be sound.
        foreach (var o in Program.Objects)
        {
            ObjectModules.Of(o.Kind).AssertInvariants(this, o);
        }

        DescriptorTablesState.AssertInvariants(this);

        var tickets = new HashSet<long>();
        for (var t = 0; t < Layout.ThreadCount; t++)
        {
            var status = StatusOf(t);
            var obj = WaitObjectOf(t);
            var ticket = _data[Layout.ThreadField(t, StateLayout.TicketField)];
            var pc = PcOf(t);
            var name = ThreadName(t);

            // A thread is in a wait queue exactly when it is blocked or waiting, and in only one
            // (the layout has one wait field per thread), with a ticket no other waiter has.
            var queued = status is ThreadStatus.Blocked or ThreadStatus.Waiting;
            Require(queued == (obj >= 0), $"{name} is {status} but its wait object is {obj}");
            Require(queued == (ticket > 0), $"{name} is {status} but its ticket is {ticket}");
            Require(!queued || tickets.Add(ticket), $"{name} shares wait ticket {ticket}");
            Require(ticket < _data[StateLayout.TicketSlot], $"{name} holds ticket {ticket} not yet issued");

            Require(status == ThreadStatus.Finished ? pc == -1 : pc >= 0 && pc < _code[t].Length, $"{name} is {status} at pc {pc}");

            if (queued)
            {
                // No lost wake-up: a thread still queued could not go on if it were woken now.
                var info = Program.Objects[obj];
                var module = ObjectModules.Of(info.Kind);
                Require(status != ThreadStatus.Blocked || module.CanBlockAt(_code[t][pc].Op),
                    $"{name} is blocked on {module.KindWord} {info.Name} at a {_code[t][pc].Op}");
                Require(!module.CanProceed(this, info, t), $"{name} is queued on {info.Name} but could go on now (a lost wake-up)");
            }

            if (status == ThreadStatus.Waiting)
            {
                Require(Program.Objects[obj].Kind == ObjectKind.CondVar, $"{name} waits on a non-condition {ObjectName(obj)}");
                Require(_code[t][pc].Op == OpCode.Reacquire, $"{name} waits but will not re-acquire next");
            }
        }

        AssertProcessInvariants();
        AssertClockInvariants();
        Require(!_concluded || IsConcludedConsistent(), "the run is concluded but a thread can still run");
    }

    // A process is spawned whole: its threads are all not started, or none is.
    private void AssertProcessInvariants()
    {
        foreach (var p in Program.Processes)
        {
            var notStarted = p.Threads.Count(t => StatusOf(t) == ThreadStatus.NotStarted);
            Require(notStarted == 0 || (p.StartsOnSpawn && notStarted == p.Threads.Count(t => _code[t].Length > 0)),
                $"process {p.Name} has {notStarted} of {p.Threads.Count} threads not started");
        }
    }

    // A deadline belongs to a wait that has not timed out yet (which modules' waits are timed, they check).
    private void AssertClockInvariants()
    {
        if (!Layout.HasClock)
        {
            return;
        }

        var clock = Clock;
        Require(clock >= 0, $"the clock is {clock}");
        for (var t = 0; t < Layout.ThreadCount; t++)
        {
            var deadline = DeadlineOf(t);
            Require(deadline == 0 || (StatusOf(t) == ThreadStatus.Blocked && deadline > clock), $"{ThreadName(t)} is {StatusOf(t)} with deadline {deadline} at clock {clock}");
        }
    }

    private bool IsConcludedConsistent()
    {
        // Budget exhaustion concludes with threads still ready; any other conclusion has none.
        if (_findings.Count > 0 && _findings[^1].Kind == FindingKind.StepBudget)
        {
            return true;
        }

        for (var t = 0; t < Layout.ThreadCount; t++)
        {
            if (StatusOf(t) == ThreadStatus.Ready)
            {
                return false;
            }
        }

        return true;
    }

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new KernelInvariantException("kernel invariant violated: " + message);
        }
    }

    private static void Require(bool condition, [InterpolatedStringHandlerArgument(nameof(condition))] ref InvariantMessage message)
    {
        if (!condition)
        {
            throw new KernelInvariantException("kernel invariant violated: " + message.ToString());
        }
    }
}
