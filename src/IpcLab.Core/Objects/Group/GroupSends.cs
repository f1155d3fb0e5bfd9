using IpcLab.Core.Model;
using IpcLab.Core.Runtime;

namespace IpcLab.Core.Objects.Group;

/// <summary>
/// The four delivery patterns. A send is one step that delivers every copy it makes (one event per
/// copy). Receivers block by hand-over: a copy for a thread blocked in a receive goes straight to it.
/// Senders blocked by a full inbox (setting <c>full block</c>) retry instead (Mesa style): whatever
/// frees a slot of an inbox in the group (a receive from a full inbox, a member leaving or ending
/// with a full inbox) wakes every sender blocked on the group, and each runs its send again from
/// the start; a new member with room wakes a blocked anycast, and a thread off the group with a full
/// inbox that ends wakes a blocked broadcast (see <see cref="GroupSegment"/>). No wake-up is lost
/// because a sender blocks only in the step in which it saw a full inbox, and that inbox can only
/// get room, or stop counting, through one of those events, which all wake it.
/// </summary>
internal static class GroupSends
{
    /// <summary><c>multicast g, v</c>: a copy to every member present now; <c>broadcast g, v</c>: to every thread on the segment now.</summary>
    public static void Publish(IKernelServices k, int t, int pc, Instr instr)
    {
        var g = k.Program.Objects[instr.A];
        var broadcast = instr.Op == OpCode.GroupBroadcast;
        var value = k.Eval(t, instr.E1!);
        var full = GroupSettings.Of(g).Full;
        if (full == FullPolicy.Block)
        {
            for (var m = 0; m < k.Program.Threads.Count; m++)
            {
                if (GroupSegment.GetsCopy(k, g, m, broadcast) && GroupMembership.InboxFull(k, g, m))
                {
                    BlockSender(k, t, pc, g, m, value);
                    return;
                }
            }
        }

        var copies = 0;
        for (var m = 0; m < k.Program.Threads.Count; m++)
        {
            copies += GroupSegment.GetsCopy(k, g, m, broadcast) ? 1 : 0;
        }

        k.Emit(EventKind.Published, t, pc, g.Id, copies, value);
        for (var m = 0; m < k.Program.Threads.Count; m++)
        {
            if (GroupSegment.GetsCopy(k, g, m, broadcast))
            {
                DeliverCopy(k, t, pc, g, m, value, full);
            }
        }

        k.MoveTo(t, instr.Next);
    }

    /// <summary><c>anycast g, v</c>: exactly one member, chosen by the group's policy.</summary>
    public static void Anycast(IKernelServices k, int t, int pc, Instr instr)
    {
        var g = k.Program.Objects[instr.A];
        var value = k.Eval(t, instr.E1!);
        var settings = GroupSettings.Of(g);
        var chosen = GroupMembership.ChooseMember(k, g, settings.Policy, needRoom: true);
        if (chosen < 0 && GroupMembership.CountMembers(k, g) > 0)
        {
            switch (settings.Full)
            {
                case FullPolicy.Block:
                    BlockSender(k, t, pc, g, -1, value);
                    return;
                case FullPolicy.DropOldest:
                    chosen = GroupMembership.ChooseMember(k, g, settings.Policy, needRoom: false);
                    break;
            }
        }

        if (chosen < 0)
        {
            if (GroupMembership.CountMembers(k, g) == 0)
            {
                NotDelivered(k, t, pc, g, -1, value);
            }
            else
            {
                Drop(k, t, pc, g, -1, value);
            }

            k.MoveTo(t, instr.Next);
            return;
        }

        GroupModule.CellsOf(k, g).Cursor = chosen + 1;
        k.Emit(EventKind.Published, t, pc, g.Id, chosen, value);
        DeliverCopy(k, t, pc, g, chosen, value, settings.Full);
        k.MoveTo(t, instr.Next);
    }

    /// <summary><c>unicast g, "name", v</c>: the one member with that thread name.</summary>
    public static void Unicast(IKernelServices k, int t, int pc, Instr instr)
    {
        var g = k.Program.Objects[instr.A];
        var name = k.Eval(t, instr.E1!);
        var value = k.Eval(t, instr.E2!);
        var target = k.ThreadNamed(name);
        if (target < 0)
        {
            throw new ThreadFaultException($"unicasts to \"{k.Format(ValueKind.Str, name, quoteStrings: false)}\" in {g.Name}, but no thread has that name");
        }

        var full = GroupSettings.Of(g).Full;
        if (!GroupMembership.IsMember(k, g, target))
        {
            NotDelivered(k, t, pc, g, target, value);
        }
        else if (full == FullPolicy.Block && GroupMembership.InboxFull(k, g, target))
        {
            BlockSender(k, t, pc, g, target, value);
            return;
        }
        else
        {
            k.Emit(EventKind.Published, t, pc, g.Id, target, value);
            DeliverCopy(k, t, pc, g, target, value, full);
        }

        k.MoveTo(t, instr.Next);
    }

    /// <summary>One copy for one thread: straight to it if it waits in receive, else into its inbox, else the full setting.</summary>
    private static void DeliverCopy(IKernelServices k, int t, int pc, ObjectInfo g, int m, long value, FullPolicy full)
    {
        if (k.StatusOf(m) == ThreadStatus.Blocked && k.WaitObjectOf(m) == g.Id && IsBlockingReceive(GroupModule.NextOf(k, m).Op))
        {
            HandToReceiver(k, t, pc, g, m, value);
            return;
        }

        var group = GroupModule.CellsOf(k, g);
        var inbox = group.Inbox(m);
        if (inbox.IsFull)
        {
            if (full != FullPolicy.DropOldest)
            {
                Drop(k, t, pc, g, m, value);
                return;
            }

            var oldest = inbox.RemoveFirst();
            group.Dropped++;
            k.Emit(EventKind.OldestDropped, t, pc, g.Id, m, oldest);
        }

        inbox.Append(value);
        k.Emit(EventKind.CopyDelivered, t, pc, g.Id, m, value);
    }

    /// <summary>Gives a copy straight to a thread blocked in a receive from <paramref name="g"/>, and moves it on.</summary>
    private static void HandToReceiver(IKernelServices k, int t, int pc, ObjectInfo g, int receiver, long value)
    {
        var receive = GroupModule.NextOf(k, receiver);
        GroupModule.SetReceived(k, receiver, receive, value);
        k.Wake(receiver);
        k.Emit(EventKind.GroupHandedOver, t, pc, g.Id, receiver, value);
        k.MoveTo(receiver, receive.Next);
    }

    private static void Drop(IKernelServices k, int t, int pc, ObjectInfo g, int m, long value)
    {
        GroupModule.CellsOf(k, g).Dropped++;
        k.Emit(EventKind.CopyDropped, t, pc, g.Id, m, value);
    }

    private static void NotDelivered(IKernelServices k, int t, int pc, ObjectInfo g, int target, long value)
    {
        GroupModule.CellsOf(k, g).Dropped++;
        k.Emit(EventKind.NotDelivered, t, pc, g.Id, target, value);
    }

    private static void BlockSender(IKernelServices k, int t, int pc, ObjectInfo g, int fullMember, long value)
    {
        k.JoinWaitQueue(t, g.Id, ThreadStatus.Blocked);
        k.Emit(EventKind.GroupSendBlocked, t, pc, g.Id, fullMember, value);
    }

    /// <summary>A slot of an inbox that was full came free (<paramref name="t"/> made it, or -1): every sender blocked on the group tries again.</summary>
    public static void WakeSendersIfFull(IKernelServices k, int t, int pc, ObjectInfo g, long countBefore)
    {
        if (countBefore < g.Capacity)
        {
            return;
        }

        foreach (var sender in k.WaitersOf(g.Id))
        {
            if (IsSendOp(GroupModule.NextOf(k, sender).Op))
            {
                k.Wake(sender);
                k.Emit(EventKind.SenderWoken, sender, k.PcOf(sender), g.Id, t);
            }
        }
    }

    /// <summary>A thread with room in its inbox joined: an anycast blocked because every member's inbox was full can go to it now.</summary>
    public static void WakeAnycasts(IKernelServices k, ObjectInfo g)
    {
        foreach (var sender in k.WaitersOf(g.Id))
        {
            if (GroupModule.NextOf(k, sender).Op == OpCode.Anycast)
            {
                k.Wake(sender);
                k.Emit(EventKind.SenderWoken, sender, k.PcOf(sender), g.Id, -1);
            }
        }
    }

    /// <summary>The sends that can block on a full inbox.</summary>
    public static bool IsSendOp(OpCode op) => op is OpCode.Publish or OpCode.GroupBroadcast or OpCode.Anycast or OpCode.Unicast;

    /// <summary>The receives that can block (a tryreceive never does).</summary>
    public static bool IsBlockingReceive(OpCode op) => op is OpCode.GroupReceive or OpCode.GroupTimedReceive;
}
