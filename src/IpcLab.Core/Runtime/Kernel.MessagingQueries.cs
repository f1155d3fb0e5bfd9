using IpcLab.Core.Model;
using IpcLab.Core.Objects;
using IpcLab.Core.Objects.Group;
using IpcLab.Core.Objects.MessageQueue;

namespace IpcLab.Core.Runtime;

// Read-only questions about message queues and groups, for views, reports and tests: each reads
// the object's cells through its typed view.
public sealed partial class Kernel
{
    /// <summary>A message queue's messages in the order they will be received (by object id).</summary>
    public (long Value, long Priority)[] MessageQueueItems(int queueId)
    {
        var cells = MessageQueueModule.CellsOf(this, Program.Objects[queueId]);
        var items = new (long, long)[cells.Count];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = (cells.Value(i), cells.Priority(i));
        }

        return items;
    }

    /// <summary>The message a blocked sender waits to put into a message queue, or null.</summary>
    public (long Value, long Priority)? ParkedMessage(int thread)
    {
        foreach (var q in Program.ObjectsOf(ObjectKind.MessageQueue))
        {
            var parked = MessageQueueModule.CellsOf(this, q).Parked(thread);
            if (parked.IsParked)
            {
                return (parked.Value, parked.Priority);
            }
        }

        return null;
    }

    /// <summary>True when the thread is a member of the group now (joined, not left, not ended).</summary>
    public bool IsGroupMember(int groupId, int thread) => GroupCellsOf(groupId).IsMember(thread);

    /// <summary>The members of a group, in thread order.</summary>
    public int[] GroupMembers(int groupId) =>
        Enumerable.Range(0, Layout.ThreadCount).Where(t => IsGroupMember(groupId, t)).ToArray();

    /// <summary>A thread's inbox in a group, oldest first (also for a thread that left or ended).</summary>
    public long[] InboxOf(int groupId, int thread)
    {
        var inbox = GroupCellsOf(groupId).Inbox(thread);
        var items = new long[inbox.Count];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = inbox[i];
        }

        return items;
    }

    /// <summary>Messages a group has dropped so far (full inboxes, nobody to take them).</summary>
    public long GroupDropped(int groupId) => GroupCellsOf(groupId).Dropped;

    /// <summary>The member the last anycast to the group went to (thread id), or -1 before the first; the next turn starts after it.</summary>
    public int GroupLastAnycast(int groupId) => (int)GroupCellsOf(groupId).Cursor - 1;

    /// <summary>The member the next round-robin turn starts from (thread id), for the view.</summary>
    public int GroupNextTurn(int groupId)
    {
        var cursor = (int)GroupCellsOf(groupId).Cursor;
        for (var i = 0; i < Layout.ThreadCount; i++)
        {
            var t = (cursor + i) % Layout.ThreadCount;
            if (IsGroupMember(groupId, t))
            {
                return t;
            }
        }

        return -1;
    }

    /// <summary>
    /// True when the thread is on the group's segment now: its program receives from or joins the
    /// group, and it has started and not ended. A broadcast to the group reaches exactly these threads.
    /// </summary>
    public bool IsOnSegment(int groupId, int thread) => GroupSegment.IsOnSegment(this, Program.Objects[groupId], thread);

    private GroupCells GroupCellsOf(int groupId) => GroupModule.CellsOf(this, Program.Objects[groupId]);
}
