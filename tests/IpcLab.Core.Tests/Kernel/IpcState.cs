using System.Text;
using IpcLab.Core.Model;
using IpcLab.Core.Runtime;

namespace IpcLab.Core.Tests.KernelTests;

/// <summary>
/// The part of <see cref="KernelTestKit.LogicalState"/> for descriptors, message queues
/// and groups, from the kernel's queries: contents and who holds what, not counters.
/// </summary>
public static class IpcState
{
    public static string MessageQueue(Kernel kernel, ObjectInfo o) =>
        "[" + string.Join(",", kernel.MessageQueueItems(o.Id).Select(m => $"{kernel.Format(o.ValueKind, m.Value)}@{m.Priority}")) + "]";

    public static string Group(Kernel kernel, ObjectInfo o)
    {
        // The last anycast's member, not only the next turn: the turn a later member joins into depends on it.
        var sb = new StringBuilder($"members {string.Join(",", kernel.GroupMembers(o.Id))} dropped {kernel.GroupDropped(o.Id)} turn {kernel.GroupNextTurn(o.Id)} last {kernel.GroupLastAnycast(o.Id)}");
        foreach (var t in kernel.Program.Threads)
        {
            var inbox = kernel.InboxOf(o.Id, t.Id);
            if (inbox.Length > 0)
            {
                sb.Append($" {t.Name}:[{string.Join(",", inbox.Select(v => kernel.Format(o.ValueKind, v)))}]");
            }
        }

        return sb.ToString();
    }

    public static string Descriptors(Kernel kernel)
    {
        if (!kernel.Program.Objects.Any(o => o.Kind is ObjectKind.StreamSocket or ObjectKind.DatagramSocket))
        {
            return "";
        }

        return string.Concat(kernel.Program.Processes.Select(p =>
            $"|fds {p.Name}: " + string.Join(",", kernel.DescriptorsOf(p.Id).Select(d => $"{d.Fd}={d.Kind}/{d.Socket}"))));
    }

    /// <summary>A thread's message parked while it waits to send, and the steps left before its timed receive gives up.</summary>
    public static string OfThread(Kernel kernel, int thread)
    {
        // A deadline is time left for any thread that has one (a timed wait, the broker sleeping
        // until its next expiry): the hash counts it so, whatever the objects.
        // A parked string is written as its text: the same text can have another id in the string
        // table when another schedule built it, and the hash counts it by its text.
        var parked = kernel.Program.Objects.Any(o => o.Kind is ObjectKind.MessageQueue or ObjectKind.Group)
            && kernel.ParkedMessage(thread) is { } m ? $" parked {ParkedText(kernel, thread, m.Value)}@{m.Priority}" : "";
        var deadline = kernel.DeadlineOf(thread);
        var left = deadline > 0 ? $" left {deadline - kernel.Clock}" : "";
        return parked + left;
    }

    private static string ParkedText(Kernel kernel, int thread, long value) =>
        kernel.Program.Objects.FirstOrDefault(o => o.Id == kernel.WaitObjectOf(thread) && o.Kind == ObjectKind.MessageQueue) is { } queue
            ? kernel.Format(queue.ValueKind, value)
            : value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
