using System.Text;
using IpcLab.Core.Model;

namespace IpcLab.Core.Runtime;

// Message queues, groups, deadlines and parked messages in the state dump.
public static partial class StateDump
{
    private static void AppendMessaging(StringBuilder sb, Kernel kernel, ObjectInfo o)
    {
        if (o.Kind == ObjectKind.MessageQueue)
        {
            sb.Append('[');
            sb.AppendJoin(", ", kernel.MessageQueueItems(o.Id).Select(m => $"{kernel.Format(o.ValueKind, m.Value)} prio {m.Priority}"));
            sb.Append(']');
            return;
        }

        sb.Append("dropped ").Append(kernel.GroupDropped(o.Id)).Append(" next ").Append(kernel.GroupNextTurn(o.Id));
        foreach (var t in kernel.Program.Threads)
        {
            var inbox = kernel.InboxOf(o.Id, t.Id);
            if (kernel.IsGroupMember(o.Id, t.Id) || inbox.Length > 0)
            {
                sb.Append(' ').Append(t.Name).Append(kernel.IsGroupMember(o.Id, t.Id) ? "" : "(out)").Append(" [");
                sb.AppendJoin(", ", inbox.Select(v => kernel.Format(o.ValueKind, v)));
                sb.Append(']');
            }
        }
    }

    private static void AppendMessagingThread(StringBuilder sb, Kernel kernel, int thread)
    {
        if (kernel.DeadlineOf(thread) > 0)
        {
            sb.Append(" deadline ").Append(kernel.DeadlineOf(thread)).Append(" clock ").Append(kernel.Clock);
        }

        if (kernel.ParkedMessage(thread) is { } parked)
        {
            var queue = kernel.Program.Objects[kernel.WaitObjectOf(thread)];
            sb.Append(" parked ").Append(kernel.Format(queue.ValueKind, parked.Value)).Append(" prio ").Append(parked.Priority);
        }
    }
}
