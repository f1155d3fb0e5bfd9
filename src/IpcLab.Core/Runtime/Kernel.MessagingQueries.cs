using IpcLab.Core.Model;

namespace IpcLab.Core.Runtime;

// Read-only questions about message queues and groups, for views, reports and tests.
public sealed partial class Kernel
{
    private ObjectInfo[]? _messageQueueObjects;
    private ObjectInfo[]? _groupObjects;

    /// <summary>The message queues and the groups, kept as arrays for hashing without allocation.</summary>
    internal ObjectInfo[] MessageQueueObjects => _messageQueueObjects ??= Program.ObjectsOf(ObjectKind.MessageQueue).ToArray();

    internal ObjectInfo[] GroupObjects => _groupObjects ??= Program.ObjectsOf(ObjectKind.Group).ToArray();

    /// <summary>A message queue's messages in the order they will be received (by object id).</summary>
    public (long Value, long Priority)[] MessageQueueItems(int queueId)
    {
        var b = Layout.Messaging.MessageQueueBase(SlotOf(queueId));
        var items = new (long, long)[_data[b]];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = (_data[b + 1 + (2 * i)], _data[b + 2 + (2 * i)]);
        }

        return items;
    }

    /// <summary>True when the thread is a member of the group now (joined, not left, not ended).</summary>
    public bool IsGroupMember(int groupId, int thread) => _data[Layout.Messaging.MemberBase(SlotOf(groupId), thread)] != 0;

    /// <summary>The members of a group, in thread order.</summary>
    public int[] GroupMembers(int groupId) =>
        Enumerable.Range(0, Layout.ThreadCount).Where(t => IsGroupMember(groupId, t)).ToArray();

    /// <summary>A thread's inbox in a group, oldest first (also for a thread that left or ended).</summary>
    public long[] InboxOf(int groupId, int thread)
    {
        var member = Layout.Messaging.MemberBase(SlotOf(groupId), thread);
        var items = new long[_data[member + 1]];
        Array.Copy(_data, member + 2, items, 0, items.Length);
        return items;
    }

    /// <summary>Messages a group has dropped so far (full inboxes, nobody to take them).</summary>
    public long GroupDropped(int groupId) => _data[Layout.Messaging.GroupBase(SlotOf(groupId)) + MessagingLayout.GroupDroppedField];

    /// <summary>The member the next round-robin turn starts from (thread id), for the view.</summary>
    public int GroupNextTurn(int groupId)
    {
        var cursor = (int)_data[Layout.Messaging.GroupBase(SlotOf(groupId)) + MessagingLayout.GroupCursorField];
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

    /// <summary>The message a blocked sender waits to put into a message queue, or null.</summary>
    public (long Value, long Priority)? ParkedMessage(int thread)
    {
        if (_data[Layout.Messaging.ThreadField(thread, MessagingLayout.PendingQueueField)] == 0)
        {
            return null;
        }

        return (_data[Layout.Messaging.ThreadField(thread, MessagingLayout.PendingValueField)],
            _data[Layout.Messaging.ThreadField(thread, MessagingLayout.PendingPriorityField)]);
    }

    /// <summary>"worker-1 waits on mqueue jobs: empty", "p waits on group news: worker-2's inbox is full (2 of 2)".</summary>
    private string DescribeMessagingWait(int thread, ObjectInfo info)
    {
        var name = ThreadName(thread);
        var op = _code[thread][PcOf(thread)].Op;
        var deadline = DeadlineOf(thread);
        var until = deadline > 0 ? $" (gives up at step {deadline})" : "";
        if (info.Kind == ObjectKind.MessageQueue)
        {
            return IsReceiveOp(op)
                ? $"{name} waits on mqueue {info.Name}: empty{until}"
                : $"{name} waits on mqueue {info.Name}: full ({info.Capacity} of {info.Capacity}){until}";
        }

        if (IsReceiveOp(op))
        {
            var member = IsGroupMember(info.Id, thread) ? "" : ", and it is not a member";
            return $"{name} waits on group {info.Name}: its inbox is empty{member}{until}";
        }

        var receivers = op == OpCode.GroupBroadcast
            ? Enumerable.Range(0, Layout.ThreadCount).Where(m => IsOnSegment(info.Id, m))
            : GroupMembers(info.Id);
        var full = receivers.Where(m => InboxOf(info.Id, m).Length >= info.Capacity).Select(ThreadName).ToArray();
        return full.Length == 0
            ? $"{name} waits on group {info.Name} to retry its send"
            : $"{name} waits on group {info.Name}: the inbox of {string.Join(", ", full)} is full ({info.Capacity} of {info.Capacity})";
    }
}
