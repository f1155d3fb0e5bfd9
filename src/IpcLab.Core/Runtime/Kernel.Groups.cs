using IpcLab.Core.Model;

namespace IpcLab.Core.Runtime;

// Groups and the four delivery patterns. Every thread has its own bounded inbox in the group's
// region; a send is one step that delivers every copy it makes (one event per copy). Multicast
// and broadcast are in Kernel.GroupSegments.cs.
//
// Receivers block by hand-over: a copy for a thread blocked in `receive g` goes straight to it.
// Senders blocked by a full inbox (setting `full block`) retry instead (Mesa style): whatever
// frees a slot of an inbox in the group (a receive from a full inbox, a member leaving or ending
// with a full inbox) wakes every sender blocked on the group, and each runs its send again from
// the start (a broadcast is also woken when a non-member with a full inbox ends: see there). No wake-up is lost because a sender blocks only in the step in which it saw a full
// inbox, and that inbox can only get room through one of those events, which all wake it.
public sealed partial class Kernel
{
    private void DoReceive(int t, int pc, Instr instr)
    {
        if (Program.Objects[instr.A].Kind == ObjectKind.Group)
        {
            DoGroupReceive(t, pc, instr);
        }
        else
        {
            DoMessageQueueReceive(t, pc, instr);
        }
    }

    private void DoJoin(int t, int pc, Instr instr)
    {
        var g = instr.A;
        var member = Layout.Messaging.MemberBase(SlotOf(g), t);
        if (_data[member] != 0)
        {
            throw new ThreadFaultException($"{instr.Text}s {ObjectName(g)}, which it has already joined");
        }

        _data[member] = 1;
        Emit(EventKind.GroupJoined, t, pc, g);

        // An anycast blocks only while every member's inbox is full: a new member with room is
        // one it can go to, so it tries again (without this it would wait for a receive that
        // may never come).
        if (!InboxFull(g, t))
        {
            foreach (var sender in WaitersOf(g))
            {
                if (_code[sender][PcOf(sender)].Op == OpCode.Anycast)
                {
                    Wake(sender);
                    Emit(EventKind.SenderWoken, sender, PcOf(sender), g, -1);
                }
            }
        }

        MoveTo(t, instr.Next);
    }

    private void DoLeave(int t, int pc, Instr instr)
    {
        var g = instr.A;
        var member = Layout.Messaging.MemberBase(SlotOf(g), t);
        if (_data[member] == 0)
        {
            throw new ThreadFaultException($"{instr.Text}s {ObjectName(g)}, which it has not joined");
        }

        _data[member] = 0;
        Emit(EventKind.GroupLeft, t, pc, g, value: _data[member + 1]);
        WakeSendersIfFull(t, pc, g, _data[member + 1]);
        MoveTo(t, instr.Next);
    }

    private void DoGroupReceive(int t, int pc, Instr instr)
    {
        var g = instr.A;
        var member = Layout.Messaging.MemberBase(SlotOf(g), t);
        var count = (int)_data[member + 1];
        if (count == 0)
        {
            if (instr.Op == OpCode.Receive && _data[member] == 0 && !BroadcastsTo(g))
            {
                throw new ThreadFaultException($"receives from {ObjectName(g)} without being a member, and its inbox is empty: nothing could ever arrive");
            }

            BlockOrFailReceive(t, pc, instr);
            return;
        }

        var value = _data[member + 2];
        Array.Copy(_data, member + 3, _data, member + 2, count - 1);
        _data[member + 1 + count] = 0;
        _data[member + 1] = count - 1;
        SetReceived(t, instr, value, 0);
        Emit(EventKind.MessageReceived, t, pc, g, -1, value);
        WakeSendersIfFull(t, pc, g, count);
        MoveTo(t, instr.Next);
    }

    /// <summary><c>anycast g, v</c>: exactly one member, chosen by the group's policy.</summary>
    private void DoAnycast(int t, int pc, Instr instr)
    {
        var g = instr.A;
        var value = Eval(t, instr.E1!);
        var settings = GroupSettings.Of(Program.Objects[g]);
        var chosen = ChooseMember(g, settings.Policy, needRoom: true);
        if (chosen < 0 && CountMembers(g) > 0)
        {
            switch (settings.Full)
            {
                case FullPolicy.Block:
                    BlockSender(t, pc, g, -1, value);
                    return;
                case FullPolicy.DropOldest:
                    chosen = ChooseMember(g, settings.Policy, needRoom: false);
                    break;
            }
        }

        if (chosen < 0)
        {
            if (CountMembers(g) == 0)
            {
                NotDelivered(t, pc, g, -1, value);
            }
            else
            {
                Drop(t, pc, g, -1, value);
            }

            MoveTo(t, instr.Next);
            return;
        }

        _data[Layout.Messaging.GroupBase(SlotOf(g)) + MessagingLayout.GroupCursorField] = chosen + 1;
        Emit(EventKind.Published, t, pc, g, chosen, value);
        DeliverCopy(t, pc, g, chosen, value, settings.Full);
        MoveTo(t, instr.Next);
    }

    /// <summary><c>unicast g, "name", v</c>: the one member with that thread name.</summary>
    private void DoUnicast(int t, int pc, Instr instr)
    {
        var g = instr.A;
        var name = Eval(t, instr.E1!);
        var value = Eval(t, instr.E2!);
        var target = Array.IndexOf(_selfName, name);
        if (target < 0)
        {
            throw new ThreadFaultException($"unicasts to \"{Strings[name]}\" in {ObjectName(g)}, but no thread has that name");
        }

        var full = GroupSettings.Of(Program.Objects[g]).Full;
        if (!IsMember(g, target))
        {
            NotDelivered(t, pc, g, target, value);
        }
        else if (full == FullPolicy.Block && InboxFull(g, target))
        {
            BlockSender(t, pc, g, target, value);
            return;
        }
        else
        {
            Emit(EventKind.Published, t, pc, g, target, value);
            DeliverCopy(t, pc, g, target, value, full);
        }

        MoveTo(t, instr.Next);
    }

    /// <summary>One copy for one member: straight to it if it waits in receive, else into its inbox, else the full setting.</summary>
    private void DeliverCopy(int t, int pc, int g, int m, long value, FullPolicy full)
    {
        if (StatusOf(m) == ThreadStatus.Blocked && WaitObjectOf(m) == g && IsReceiveOp(_code[m][PcOf(m)].Op))
        {
            HandToReceiver(t, pc, g, m, value, 0);
            return;
        }

        var member = Layout.Messaging.MemberBase(SlotOf(g), m);
        var count = (int)_data[member + 1];
        var capacity = Program.Objects[g].Capacity;
        if (count == capacity)
        {
            if (full != FullPolicy.DropOldest)
            {
                Drop(t, pc, g, m, value);
                return;
            }

            var oldest = _data[member + 2];
            Array.Copy(_data, member + 3, _data, member + 2, count - 1);
            count--;
            CountDropped(g);
            Emit(EventKind.OldestDropped, t, pc, g, m, oldest);
        }

        _data[member + 2 + count] = value;
        _data[member + 1] = count + 1;
        Emit(EventKind.CopyDelivered, t, pc, g, m, value);
    }

    private void Drop(int t, int pc, int g, int m, long value)
    {
        CountDropped(g);
        Emit(EventKind.CopyDropped, t, pc, g, m, value);
    }

    private void NotDelivered(int t, int pc, int g, int target, long value)
    {
        CountDropped(g);
        Emit(EventKind.NotDelivered, t, pc, g, target, value);
    }

    private void CountDropped(int g) => _data[Layout.Messaging.GroupBase(SlotOf(g)) + MessagingLayout.GroupDroppedField]++;

    private void BlockSender(int t, int pc, int g, int fullMember, long value)
    {
        JoinWaitQueue(t, g, ThreadStatus.Blocked);
        Emit(EventKind.SendBlocked, t, pc, g, fullMember, value);
    }

    /// <summary>A slot of an inbox that was full came free: every sender blocked on the group tries again.</summary>
    private void WakeSendersIfFull(int t, int pc, int g, long countBefore)
    {
        if (countBefore < Program.Objects[g].Capacity)
        {
            return;
        }

        foreach (var sender in WaitersOf(g))
        {
            if (IsGroupSendOp(_code[sender][PcOf(sender)].Op))
            {
                Wake(sender);
                Emit(EventKind.SenderWoken, sender, PcOf(sender), g, t >= 0 ? t : -1);
            }
        }
    }

    /// <summary>A member gets copies: it has joined and has not ended.</summary>
    private bool IsMember(int g, int m) =>
        _data[Layout.Messaging.MemberBase(SlotOf(g), m)] != 0 && !HasEnded(m);

    private bool InboxFull(int g, int m) =>
        _data[Layout.Messaging.MemberBase(SlotOf(g), m) + 1] >= Program.Objects[g].Capacity;

    private int CountMembers(int g)
    {
        var n = 0;
        for (var m = 0; m < Layout.ThreadCount; m++)
        {
            n += IsMember(g, m) ? 1 : 0;
        }

        return n;
    }
}
