using IpcLab.Core.Model;

namespace IpcLab.Core.Runtime;

// Multicast and broadcast: a copy for each of several threads, in one step.
//
// A group names a network segment. A thread is on the segment of group g while it is alive
// (started, not ended) and its program receives from g or joins g (ThreadInfo.AttachedGroups,
// decided by the compiler). A multicast reaches the members (who joined and have not left); a
// broadcast reaches every thread on the segment, joined or not, the way a LAN broadcast reaches
// every host. Every member is on the segment (it joined g), so a broadcast reaches at least
// everyone a multicast would.
//
// With `full block`, a broadcast blocked by the full inbox of a thread that is not a member is
// woken when that inbox gets room (a receive) or when its owner ends (below): a thread leaves the
// segment only by ending, so those are the only ways the send can get further.
public sealed partial class Kernel
{
    private bool[][]? _attached;
    private bool[]? _broadcastTo;

    /// <summary>By group slot, then thread: whether the thread's program receives from or joins the group.</summary>
    private bool[][] Attached => _attached ??= GroupObjects.OrderBy(g => g.Slot)
        .Select(g => Program.Threads.Select(t => t.AttachedGroups.Contains(g.Id)).ToArray())
        .ToArray();

    /// <summary>
    /// True when the thread is on the group's segment now: its program receives from or joins the
    /// group, and it has started and not ended. A broadcast to the group reaches exactly these threads.
    /// </summary>
    public bool IsOnSegment(int groupId, int thread) =>
        Attached[SlotOf(groupId)][thread] && StatusOf(thread) is not (ThreadStatus.Finished or ThreadStatus.Faulted or ThreadStatus.NotStarted);

    /// <summary>True when some thread's program broadcasts to the group: then a copy can reach a thread that never joined.</summary>
    private bool BroadcastsTo(int g) =>
        (_broadcastTo ??= GroupObjects.OrderBy(o => o.Slot)
            .Select(o => _code.Any(code => code.Any(i => i.Op == OpCode.GroupBroadcast && i.A == o.Id)))
            .ToArray())[SlotOf(g)];

    /// <summary>Who a multicast (members) or a broadcast (the segment) gives a copy to.</summary>
    private bool GetsCopy(int g, int m, bool broadcast) => broadcast ? IsOnSegment(g, m) : IsMember(g, m);

    /// <summary><c>multicast g, v</c>: a copy to every member present now; <c>broadcast g, v</c>: to every thread on the segment now.</summary>
    private void DoPublish(int t, int pc, Instr instr)
    {
        var g = instr.A;
        var broadcast = instr.Op == OpCode.GroupBroadcast;
        var value = Eval(t, instr.E1!);
        var settings = GroupSettings.Of(Program.Objects[g]);
        if (settings.Full == FullPolicy.Block)
        {
            for (var m = 0; m < Layout.ThreadCount; m++)
            {
                if (GetsCopy(g, m, broadcast) && InboxFull(g, m))
                {
                    BlockSender(t, pc, g, m, value);
                    return;
                }
            }
        }

        var copies = 0;
        for (var m = 0; m < Layout.ThreadCount; m++)
        {
            copies += GetsCopy(g, m, broadcast) ? 1 : 0;
        }

        Emit(EventKind.Published, t, pc, g, copies, value);
        for (var m = 0; m < Layout.ThreadCount; m++)
        {
            if (GetsCopy(g, m, broadcast))
            {
                DeliverCopy(t, pc, g, m, value, settings.Full);
            }
        }

        MoveTo(t, instr.Next);
    }

    /// <summary>
    /// Thread t has ended with a full inbox in group g without being a member. A broadcast blocked on
    /// that inbox can go on now, unless another inbox on the segment is full: only such senders are
    /// woken, so calling this again at a later step wakes nobody.
    /// </summary>
    private void WakeBroadcastsOffTheSegment(int t, int g)
    {
        if (!Attached[SlotOf(g)][t] || !InboxFull(g, t) || !AnyBroadcastBlockedOn(g) || AnyFullInboxFor(g, broadcast: true))
        {
            return;
        }

        foreach (var sender in WaitersOf(g))
        {
            if (_code[sender][PcOf(sender)].Op == OpCode.GroupBroadcast)
            {
                Wake(sender);
                Emit(EventKind.SenderWoken, sender, PcOf(sender), g, -1);
            }
        }
    }

    private bool AnyBroadcastBlockedOn(int g)
    {
        for (var s = 0; s < Layout.ThreadCount; s++)
        {
            if (WaitObjectOf(s) == g && StatusOf(s) == ThreadStatus.Blocked && _code[s][PcOf(s)].Op == OpCode.GroupBroadcast)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether some inbox a multicast (or a broadcast) would send to now is full.</summary>
    private bool AnyFullInboxFor(int g, bool broadcast)
    {
        for (var m = 0; m < Layout.ThreadCount; m++)
        {
            if (GetsCopy(g, m, broadcast) && InboxFull(g, m))
            {
                return true;
            }
        }

        return false;
    }
}
