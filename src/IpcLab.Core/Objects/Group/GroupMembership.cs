using IpcLab.Core.Model;

namespace IpcLab.Core.Objects.Group;

/// <summary>Who is a member of a group now, whose inbox is full, and which member an anycast picks.</summary>
internal static class GroupMembership
{
    /// <summary>The member an anycast goes to, by policy; -1 when there is none (with room, if <paramref name="needRoom"/>).</summary>
    public static int ChooseMember(IKernelServices k, ObjectInfo g, AnycastPolicy policy, bool needRoom)
    {
        if (policy == AnycastPolicy.FirstReady)
        {
            // The wait queue is in ticket order: the first member in it waiting to receive has waited longest.
            foreach (var waiter in k.WaitersOf(g.Id))
            {
                if (IsMember(k, g, waiter) && GroupSends.IsBlockingReceive(GroupModule.NextOf(k, waiter).Op))
                {
                    return waiter;
                }
            }
        }

        var group = GroupModule.CellsOf(k, g);
        var threads = k.Program.Threads.Count;
        var cursor = (int)group.Cursor;
        var chosen = -1;
        var load = long.MaxValue;
        for (var i = 0; i < threads; i++)
        {
            var m = (cursor + i) % threads;
            if (!IsMember(k, g, m) || (needRoom && InboxFull(k, g, m)))
            {
                continue;
            }

            if (policy != AnycastPolicy.LeastLoaded)
            {
                return m;
            }

            var count = group.Inbox(m).Count;
            if (count < load)
            {
                load = count;
                chosen = m;
            }
        }

        return chosen;
    }

    /// <summary>A member gets copies: it has joined and has not ended.</summary>
    public static bool IsMember(IKernelServices k, ObjectInfo g, int m) => GroupModule.CellsOf(k, g).IsMember(m) && !k.HasEnded(m);

    public static bool InboxFull(IKernelServices k, ObjectInfo g, int m) => GroupModule.CellsOf(k, g).Inbox(m).IsFull;

    public static int CountMembers(IKernelServices k, ObjectInfo g)
    {
        var n = 0;
        for (var m = 0; m < k.Program.Threads.Count; m++)
        {
            n += IsMember(k, g, m) ? 1 : 0;
        }

        return n;
    }
}
