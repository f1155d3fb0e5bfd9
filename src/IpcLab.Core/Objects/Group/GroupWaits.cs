using IpcLab.Core.Model;
using IpcLab.Core.Runtime;

namespace IpcLab.Core.Objects.Group;

/// <summary>What a thread blocked on a group waits for: a message in its inbox, or room in the inboxes its send goes to.</summary>
internal static class GroupWaits
{
    /// <summary>Could the thread go on now: a receiver has a message, a sender would not find a full inbox where it sends.</summary>
    public static bool CanProceed(IKernelServices k, ObjectInfo g, int thread)
    {
        var instr = GroupModule.NextOf(k, thread);
        return instr.Op switch
        {
            OpCode.GroupReceive or OpCode.GroupTimedReceive => !GroupModule.CellsOf(k, g).Inbox(thread).IsEmpty,
            OpCode.Publish => !GroupSegment.AnyFullInboxFor(k, g, broadcast: false),
            OpCode.GroupBroadcast => !GroupSegment.AnyFullInboxFor(k, g, broadcast: true),
            OpCode.Anycast => GroupMembership.CountMembers(k, g) == 0 || GroupMembership.ChooseMember(k, g, AnycastPolicy.RoundRobin, needRoom: true) >= 0,
            OpCode.Unicast => UnicastTarget(k, thread, instr) is var target && (target < 0 || !GroupMembership.IsMember(k, g, target) || !GroupMembership.InboxFull(k, g, target)),
            _ => true,
        };
    }

    /// <summary>"waits on group news: its inbox is empty", "waits on group news: the inbox of worker-2 is full (2 of 2)".</summary>
    public static string DescribeWait(IKernelServices k, ObjectInfo g, int thread)
    {
        var op = GroupModule.NextOf(k, thread).Op;
        var group = GroupModule.CellsOf(k, g);
        if (GroupSends.IsBlockingReceive(op))
        {
            var member = group.IsMember(thread) ? "" : ", and it is not a member";
            return $"waits on group {g.Name}: its inbox is empty{member}{Deadlines.Until(k, thread)}";
        }

        var full = new List<string>();
        for (var m = 0; m < k.Program.Threads.Count; m++)
        {
            var receives = op == OpCode.GroupBroadcast ? GroupSegment.IsOnSegment(k, g, m) : group.IsMember(m);
            if (receives && group.Inbox(m).IsFull)
            {
                full.Add(k.ThreadName(m));
            }
        }

        return full.Count == 0
            ? $"waits on group {g.Name} to retry its send"
            : $"waits on group {g.Name}: the inbox of {string.Join(", ", full)} is full ({g.Capacity} of {g.Capacity})";
    }

    /// <summary>"blocked on group desk: its inbox is empty, waits for a message", "blocked on group desk: worker-2's inbox is full".</summary>
    public static string WaitState(IKernelServices k, ObjectInfo g, int thread)
    {
        var instr = GroupModule.NextOf(k, thread);
        var what = instr.Op switch
        {
            OpCode.GroupReceive or OpCode.GroupTimedReceive => GroupModule.CellsOf(k, g).IsMember(thread)
                ? "its inbox is empty, waits for a message"
                : "its inbox is empty, waits for a broadcast",
            OpCode.Anycast => "every member's inbox is full",
            OpCode.Unicast => $"{k.ThreadName(UnicastTarget(k, thread, instr))}'s inbox is full",
            _ => FullInboxes(k, g, broadcast: instr.Op == OpCode.GroupBroadcast),
        };
        return $"blocked on group {g.Name}: {what}{Deadlines.Until(k, thread)}";
    }

    /// <summary>"worker-2's inbox is full", "the inboxes of worker-1, worker-2 are full".</summary>
    private static string FullInboxes(IKernelServices k, ObjectInfo g, bool broadcast)
    {
        var full = Enumerable.Range(0, k.Program.Threads.Count)
            .Where(m => GroupSegment.GetsCopy(k, g, m, broadcast) && GroupMembership.InboxFull(k, g, m))
            .Select(k.ThreadName)
            .ToArray();
        return full.Length switch
        {
            0 => "retries its send",
            1 => $"{full[0]}'s inbox is full",
            _ => $"the inboxes of {string.Join(", ", full)} are full",
        };
    }

    private static int UnicastTarget(IKernelServices k, int thread, Instr unicast) => k.ThreadNamed(k.Eval(thread, unicast.E1!));
}
