using IpcLab.Core.Model;
using IpcLab.Core.Objects.Group;
using IpcLab.Core.Runtime;

namespace IpcLab.Tui.Views;

/// <summary>
/// Message queues and groups in the objects panel:
/// <code>
/// • mqueue jobs: 2/3 · receivers waiting: worker-1
///     next → "fire alarm" p5, "report 2" p0
/// • group desk: 2 members · inbox 2 · dropped 0
///     anycast round-robin · full block · next turn worker-2
///     worker-1 ✓ ["tick 1", "tick 2"] full
///     worker-3 ✗ ["tick 1"] (broadcasts only)
/// </code>
/// Messages are shown in the order they will be received. "•" marks what the last step changed.
/// ✗ marks a thread that is not a member: it is listed while it is on the group's segment ("broadcasts
/// only": a broadcast is all that reaches it) or while its inbox holds messages.
/// </summary>
internal static class MessagingView
{
    public static void Add(Kernel kernel, ObjectInfo o, StepChanges changes, int width, List<string> lines)
    {
        if (o.Kind == ObjectKind.MessageQueue)
        {
            AddQueue(kernel, o, changes, width, lines);
        }
        else
        {
            AddGroup(kernel, o, changes, width, lines);
        }
    }

    private static void AddQueue(Kernel kernel, ObjectInfo q, StepChanges changes, int width, List<string> lines)
    {
        var items = kernel.MessageQueueItems(q.Id);
        var title = Start(q, changes, width, "mqueue").Add($": {items.Length}/{q.Capacity}");
        var waiters = kernel.WaitersOf(q.Id);
        if (waiters.Count > 0)
        {
            var side = items.Length == 0 ? "receivers" : "senders";
            title.Add($" · {side} waiting: ", Palette.Dim).Add(string.Join(", ", waiters.Select(kernel.ThreadName)), Palette.Blocked);
        }

        lines.Add(title.ToString());
        var list = new MarkupLine(width).Add("    next → ", Palette.Dim);
        if (items.Length == 0)
        {
            list.Add("(empty)", Palette.Dim);
        }

        for (var i = 0; i < items.Length; i++)
        {
            list.Add((i == 0 ? "" : ", ") + kernel.Format(q.ValueKind, items[i].Value)).Add($" p{items[i].Priority}", Palette.Dim);
        }

        lines.Add(list.ToString());
    }

    private static void AddGroup(Kernel kernel, ObjectInfo g, StepChanges changes, int width, List<string> lines)
    {
        var settings = GroupSettings.Of(g);
        var members = kernel.GroupMembers(g.Id);
        var next = kernel.GroupNextTurn(g.Id);
        lines.Add(Start(g, changes, width, "group")
            .Add($": {members.Length} member{(members.Length == 1 ? "" : "s")} · inbox {g.Capacity} · dropped {kernel.GroupDropped(g.Id)}")
            .ToString());
        var setting = new MarkupLine(width)
            .Add($"    anycast {GroupSettings.Word(settings.Policy)} · full {GroupSettings.Word(settings.Full)}", Palette.Dim);
        if (next >= 0)
        {
            setting.Add($" · next turn {kernel.ThreadName(next)}", Palette.Dim);
        }

        lines.Add(setting.ToString());
        foreach (var t in kernel.Program.Threads)
        {
            var member = kernel.IsGroupMember(g.Id, t.Id);
            var inbox = kernel.InboxOf(g.Id, t.Id);
            if (!member && inbox.Length == 0 && !kernel.IsOnSegment(g.Id, t.Id))
            {
                continue;
            }

            var line = new MarkupLine(width).Add("    ").Add(t.Name, Palette.Title)
                .Add(member ? " ✓ " : " ✗ ", member ? Palette.Ready : Palette.Dim)
                .Add("[" + string.Join(", ", inbox.Select(v => kernel.Format(g.ValueKind, v))) + "]", changes.Changed(g.Id) ? Palette.Changed : null);
            var ended = kernel.HasEnded(t.Id);
            if (!member)
            {
                line.Add(ended ? " (ended: undelivered)" : " (broadcasts only)", Palette.Dim);
            }

            if (!ended && inbox.Length >= g.Capacity)
            {
                line.Add(" full", Palette.Blocked);
            }
            else if (kernel.WaitObjectOf(t.Id) == g.Id && inbox.Length == 0)
            {
                line.Add(" waiting", Palette.Waiting);
            }

            lines.Add(line.ToString());
        }

        var senders = kernel.WaitersOf(g.Id).Where(t => kernel.NextInstruction(t)?.Op is OpCode.Publish or OpCode.GroupBroadcast or OpCode.Anycast or OpCode.Unicast).ToArray();
        if (senders.Length > 0)
        {
            lines.Add(new MarkupLine(width).Add("    senders waiting: ", Palette.Dim).Add(string.Join(", ", senders.Select(kernel.ThreadName)), Palette.Blocked).ToString());
        }
    }

    private static MarkupLine Start(ObjectInfo o, StepChanges changes, int width, string word) =>
        new MarkupLine(width)
            .Add(changes.Changed(o.Id) ? $"{Palette.ChangedMark} " : "  ", Palette.Changed)
            .Add(word + " ", Palette.Dim)
            .Add(o.Name, Palette.Title);
}
