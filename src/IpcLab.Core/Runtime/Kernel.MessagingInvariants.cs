using IpcLab.Core.Model;

namespace IpcLab.Core.Runtime;

// What must hold of message queues, groups and the clock after every step.
public sealed partial class Kernel
{
    /// <summary>A thread blocked on a message queue or a group is blocked for a reason that still holds.</summary>
    private void RequireMessagingWait(int t, int obj)
    {
        var name = ThreadName(t);
        var info = Program.Objects[obj];
        var op = _code[t][PcOf(t)].Op;
        var receiving = IsReceiveOp(op);
        if (info.Kind == ObjectKind.MessageQueue)
        {
            var count = _data[Layout.Messaging.MessageQueueBase(info.Slot)];
            Require(receiving || IsMessageSendOp(op), $"{name} is blocked on {info.Name} at a {op}");
            Require(receiving ? count == 0 : count == info.Capacity, $"{name} is blocked at a {op} on {info.Name}, which holds {count} of {info.Capacity}");
            var parked = _data[Layout.Messaging.ThreadField(t, MessagingLayout.PendingQueueField)];
            Require(receiving ? parked == 0 : parked == obj + 1, $"{name} is blocked at a {op} on {info.Name} with parked message for {parked - 1}");
            return;
        }

        Require(receiving || IsGroupSendOp(op), $"{name} is blocked on {info.Name} at a {op}");
        if (receiving)
        {
            Require(_data[Layout.Messaging.MemberBase(info.Slot, t) + 1] == 0, $"{name} waits to receive from {info.Name} with messages in its inbox");
        }
        else
        {
            Require(GroupSettings.Of(info).Full == FullPolicy.Block, $"{name} is blocked sending to {info.Name}, whose full setting does not block");
            Require(op is not (OpCode.Publish or OpCode.GroupBroadcast) || AnyFullInboxFor(obj, op == OpCode.GroupBroadcast),
                $"{name} is blocked at a {op} on {info.Name} although no inbox it sends to is full (a lost wake-up)");
            Require(op != OpCode.Anycast || ChooseMember(obj, AnycastPolicy.RoundRobin, needRoom: true) < 0,
                $"{name} is blocked at an anycast on {info.Name} although a member's inbox has room (a lost wake-up)");
        }
    }

    private void AssertMessagingInvariants()
    {
        var clock = Clock;
        Require(clock >= 0, $"the clock is {clock}");
        for (var t = 0; t < Layout.ThreadCount; t++)
        {
            var status = StatusOf(t);
            var deadline = DeadlineOf(t);
            var timed = status == ThreadStatus.Blocked && _code[t][PcOf(t)].Op is OpCode.TimedReceive or OpCode.TimedSendMessage;
            Require(timed ? deadline > clock : deadline == 0, $"{ThreadName(t)} is {status} with deadline {deadline} at clock {clock}");
            var parked = _data[Layout.Messaging.ThreadField(t, MessagingLayout.PendingQueueField)];
            Require(parked == 0 || (status == ThreadStatus.Blocked && WaitObjectOf(t) == parked - 1), $"{ThreadName(t)} has a parked message but is {status}");
            if (parked == 0)
            {
                Require(_data[Layout.Messaging.ThreadField(t, MessagingLayout.PendingValueField)] == 0
                    && _data[Layout.Messaging.ThreadField(t, MessagingLayout.PendingPriorityField)] == 0, $"{ThreadName(t)} has a stale parked message");
            }
        }

        // A message queue holds 0..capacity messages in delivery order (priorities never rise
        // from head to tail), and its free pairs hold zeros.
        foreach (var q in Program.ObjectsOf(ObjectKind.MessageQueue))
        {
            var b = Layout.Messaging.MessageQueueBase(q.Slot);
            var count = _data[b];
            Require(count >= 0 && count <= q.Capacity, $"mqueue {q.Name} holds {count} of {q.Capacity}");
            for (var i = 0; i < q.Capacity; i++)
            {
                var priority = _data[b + 2 + (2 * i)];
                if (i < count)
                {
                    Require(priority is >= 0 and <= MaxPriority, $"mqueue {q.Name} has priority {priority}");
                    Require(i == 0 || _data[b + (2 * i)] >= priority, $"mqueue {q.Name} is out of priority order at {i}");
                }
                else
                {
                    Require(_data[b + 1 + (2 * i)] == 0 && priority == 0, $"mqueue {q.Name} has a stale message in a free slot");
                }
            }
        }

        // A group's members are threads that have not ended; each inbox holds 0..capacity
        // messages, oldest first, with zeros after them.
        foreach (var g in Program.ObjectsOf(ObjectKind.Group))
        {
            var cursor = _data[Layout.Messaging.GroupBase(g.Slot) + MessagingLayout.GroupCursorField];
            Require(cursor >= 0 && cursor <= Layout.ThreadCount, $"group {g.Name} has cursor {cursor}");
            Require(_data[Layout.Messaging.GroupBase(g.Slot) + MessagingLayout.GroupDroppedField] >= 0, $"group {g.Name} has a negative drop count");
            for (var t = 0; t < Layout.ThreadCount; t++)
            {
                var member = Layout.Messaging.MemberBase(g.Slot, t);
                var flag = _data[member];
                Require(flag is 0 or 1, $"group {g.Name} has member flag {flag} for {ThreadName(t)}");
                Require(flag == 0 || !HasEnded(t), $"{ThreadName(t)} has ended but is still in {g.Name}");
                var count = _data[member + 1];
                Require(count >= 0 && count <= g.Capacity, $"{ThreadName(t)}'s inbox in {g.Name} holds {count} of {g.Capacity}");
                for (var i = count; i < g.Capacity; i++)
                {
                    Require(_data[member + 2 + i] == 0, $"{ThreadName(t)}'s inbox in {g.Name} has a stale value in a free slot");
                }
            }
        }
    }
}
