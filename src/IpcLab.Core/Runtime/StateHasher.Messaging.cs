using IpcLab.Core.Model;

namespace IpcLab.Core.Runtime;

// The message queues' and groups' part of the state hash. Deadlines hash as the steps left
// (deadline - clock), not as the clock itself: two states whose timed waits have the same time
// left behave the same from there on.
internal static partial class StateHasher
{
    private static ulong HashMessaging(ulong h, Kernel kernel, long[] data)
    {
        var layout = kernel.Layout.Messaging;
        var strings = kernel.Strings;
        var clock = data[layout.ClockIndex];
        for (var t = 0; t < layout.ThreadCount; t++)
        {
            var deadline = data[layout.ThreadField(t, MessagingLayout.DeadlineField)];
            h = Mix(h, deadline == 0 ? 0 : (ulong)(deadline - clock));
            var parked = data[layout.ThreadField(t, MessagingLayout.PendingQueueField)];
            h = Mix(h, (ulong)parked);
            if (parked > 0)
            {
                var kind = kernel.Program.Objects[(int)parked - 1].ValueKind;
                h = Mix(h, Value(kind, data[layout.ThreadField(t, MessagingLayout.PendingValueField)], strings));
                h = Mix(h, (ulong)data[layout.ThreadField(t, MessagingLayout.PendingPriorityField)]);
            }
        }

        foreach (var q in kernel.MessageQueueObjects)
        {
            var b = layout.MessageQueueBase(q.Slot);
            var count = data[b];
            h = Mix(h, (ulong)count);
            for (var i = 0; i < count; i++)
            {
                h = Mix(h, Value(q.ValueKind, data[b + 1 + (2 * i)], strings));
                h = Mix(h, (ulong)data[b + 2 + (2 * i)]);
            }
        }

        foreach (var g in kernel.GroupObjects)
        {
            var b = layout.GroupBase(g.Slot);
            h = Mix(h, (ulong)data[b + MessagingLayout.GroupCursorField]);
            h = Mix(h, (ulong)data[b + MessagingLayout.GroupDroppedField]);
            for (var t = 0; t < layout.ThreadCount; t++)
            {
                var member = layout.MemberBase(g.Slot, t);
                h = Mix(h, (ulong)data[member]);
                var count = data[member + 1];
                h = Mix(h, (ulong)count);
                for (var i = 0; i < count; i++)
                {
                    h = Mix(h, Value(g.ValueKind, data[member + 2 + i], strings));
                }
            }
        }

        return h;
    }
}
