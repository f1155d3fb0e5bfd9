using IpcLab.Core.Model;
using IpcLab.Core.Runtime;

namespace IpcLab.Core.Objects.Group;

/// <summary>
/// A group names a network segment. A thread is on the segment of group g while it is alive
/// (started, not ended) and its program receives from g or joins g (<see cref="ThreadInfo.AttachedGroups"/>,
/// decided by the compiler). A multicast reaches the members (who joined and have not left); a
/// broadcast reaches every thread on the segment, joined or not, the way a LAN broadcast reaches
/// every host. Every member is on the segment (it joined g), so a broadcast reaches at least
/// everyone a multicast would.
/// </summary>
/// <remarks>
/// With <c>full block</c>, a broadcast blocked by the full inbox of a thread that is not a member is
/// woken when that inbox gets room (a receive) or when its owner ends (<see cref="WakeBroadcastsOffTheGroup"/>):
/// a thread leaves the segment only by ending, so those are the only ways the send can get further.
/// </remarks>
internal static class GroupSegment
{
    /// <summary>True when the thread's program receives from or joins the group (it is on the segment while alive).</summary>
    public static bool IsAttached(IKernelServices k, ObjectInfo g, int thread) => k.Program.Threads[thread].AttachedGroups.Contains(g.Id);

    /// <summary>True when the thread is on the group's segment now: attached, started and not ended. A broadcast reaches exactly these.</summary>
    public static bool IsOnSegment(IKernelServices k, ObjectInfo g, int thread) =>
        IsAttached(k, g, thread) && k.StatusOf(thread) is not (ThreadStatus.Finished or ThreadStatus.Faulted or ThreadStatus.NotStarted);

    /// <summary>True when some thread's program broadcasts to the group: then a copy can reach a thread that never joined.</summary>
    public static bool BroadcastsTo(IKernelServices k, ObjectInfo g)
    {
        foreach (var thread in k.Program.Threads)
        {
            foreach (var instr in thread.Code)
            {
                if (instr.Op == OpCode.GroupBroadcast && instr.A == g.Id)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Who a multicast (members) or a broadcast (the segment) gives a copy to.</summary>
    public static bool GetsCopy(IKernelServices k, ObjectInfo g, int m, bool broadcast) =>
        broadcast ? IsOnSegment(k, g, m) : GroupMembership.IsMember(k, g, m);

    /// <summary>Whether some inbox a multicast (or a broadcast) would send to now is full.</summary>
    public static bool AnyFullInboxFor(IKernelServices k, ObjectInfo g, bool broadcast)
    {
        for (var m = 0; m < k.Program.Threads.Count; m++)
        {
            if (GetsCopy(k, g, m, broadcast) && GroupMembership.InboxFull(k, g, m))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Thread t has ended with a full inbox in group g without being a member. A broadcast blocked on
    /// that inbox can go on now, unless another inbox on the segment is full: only such senders are
    /// woken, so calling this again at a later step wakes nobody.
    /// </summary>
    public static void WakeBroadcastsOffTheGroup(IKernelServices k, ObjectInfo g, int t)
    {
        if (!IsAttached(k, g, t) || !GroupMembership.InboxFull(k, g, t) || !AnyBroadcastBlockedOn(k, g) || AnyFullInboxFor(k, g, broadcast: true))
        {
            return;
        }

        foreach (var sender in k.WaitersOf(g.Id))
        {
            if (GroupModule.NextOf(k, sender).Op == OpCode.GroupBroadcast)
            {
                k.Wake(sender);
                k.Emit(EventKind.SenderWoken, sender, k.PcOf(sender), g.Id, -1);
            }
        }
    }

    private static bool AnyBroadcastBlockedOn(IKernelServices k, ObjectInfo g)
    {
        foreach (var sender in k.WaitersOf(g.Id))
        {
            if (k.StatusOf(sender) == ThreadStatus.Blocked && GroupModule.NextOf(k, sender).Op == OpCode.GroupBroadcast)
            {
                return true;
            }
        }

        return false;
    }
}
