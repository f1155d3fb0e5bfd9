using IpcLab.Core.Model;
using IpcLab.Core.Runtime;

namespace IpcLab.Tui.Views;

/// <summary>
/// What the run found: a deadlock drawn as its wait-for chain, one line per edge
/// ("producer-1 ──waits on──▶ m ──held by──▶ consumer-2"); a fault or failed check with its
/// thread and line; the rest in words.
/// </summary>
internal static class FindingsView
{
    private const string WaitsOn = " ──waits on──▶ ";
    private const string HeldBy = " ──held by──▶ ";

    public static List<string> Lines(Kernel kernel, int width)
    {
        var lines = new List<string>();
        foreach (var finding in kernel.Findings)
        {
            var head = new MarkupLine(width).Add($"step {finding.Step} · ", Palette.Dim).Add(finding.KindText, Palette.Finding);
            switch (finding.Kind)
            {
                case FindingKind.Deadlock:
                    lines.Add(head.Add(": no thread can run", Palette.Finding).ToString());
                    AddEdges(kernel, kernel.WaitForGraph(), width, lines);
                    break;
                case FindingKind.DeadlockCycle:
                    lines.Add(head.Add(": a cycle of mutex waits", Palette.Finding).ToString());
                    AddEdges(kernel, CycleFrom(kernel, finding.Thread), width, lines);
                    break;
                case FindingKind.Fault or FindingKind.AssertionFailed:
                    lines.Add(head.ToString());
                    AddWrapped(finding.Text, width, lines);
                    if (finding.Thread >= 0 && kernel.StatusOf(finding.Thread) == ThreadStatus.Faulted
                        && kernel.NextInstruction(finding.Thread) is { } at && at.Pos.Line > 0 && at.Pos.Line <= kernel.Program.SourceLines.Count)
                    {
                        var code = kernel.Program.SourceLines[at.Pos.Line - 1].Trim();
                        lines.Add(new MarkupLine(width).Add($"    line {at.Pos.Line}: ", Palette.Dim).Add(code, Palette.Marker).ToString());
                    }

                    break;
                default:
                    lines.Add(head.ToString());
                    AddWrapped(finding.Text, width, lines);
                    break;
            }
        }

        return lines;
    }

    private static void AddEdges(Kernel kernel, IReadOnlyList<WaitEdge> edges, int width, List<string> lines)
    {
        var conds = new List<string>();
        foreach (var edge in edges)
        {
            var info = kernel.Program.Objects[edge.Object];
            var waiter = kernel.ThreadName(edge.Thread);
            var target = info.Kind == ObjectKind.Semaphore ? $"{info.Name} (count {kernel.SemaphoreCount(edge.Object)})" : info.Name;
            var holder = edge.Holder < 0 ? null : kernel.StatusOf(edge.Holder) switch
            {
                ThreadStatus.Faulted when kernel.HasCrashed(edge.Holder) => $"{kernel.ThreadName(edge.Holder)} (crashed)",
                ThreadStatus.Faulted => $"{kernel.ThreadName(edge.Holder)} (faulted)",
                ThreadStatus.Finished => $"{kernel.ThreadName(edge.Holder)} (finished)",
                _ => kernel.ThreadName(edge.Holder),
            };
            var line = new MarkupLine(width).Add("  ").Add(waiter, Palette.Of(kernel.StatusOf(edge.Thread))).Add(WaitsOn, Palette.Blocked).Add(target, Palette.Title);
            if (holder is not null)
            {
                if (line.Room >= TextFit.Width(HeldBy + holder))
                {
                    line.Add(HeldBy, Palette.Blocked).Add(holder, Palette.Of(kernel.StatusOf(edge.Holder)));
                }
                else
                {
                    lines.Add(line.ToString());
                    line = new MarkupLine(width).PadTo(3 + TextFit.Width(waiter)).Add(HeldBy.TrimStart(), Palette.Blocked).Add(holder, Palette.Of(kernel.StatusOf(edge.Holder)));
                }
            }

            lines.Add(line.ToString());
            if (info.Kind is not (ObjectKind.Mutex or ObjectKind.Semaphore or ObjectKind.CondVar))
            {
                // A socket, a message queue or a group: the object's name alone does not say
                // what is missing; the kernel's sentence does ("in recv on fd 4 for data ...").
                var why = kernel.DescribeWait(edge.Thread);
                why = why.StartsWith(waiter + " ", StringComparison.Ordinal) ? why[(waiter.Length + 1)..] : why;
                foreach (var part in TextFit.Wrap(why, width - 4 - TextFit.Width(waiter), 0))
                {
                    lines.Add(new MarkupLine(width).PadTo(3 + TextFit.Width(waiter)).Add(part, Palette.Dim).ToString());
                }
            }

            if (info.Kind == ObjectKind.CondVar && !conds.Contains(info.Name))
            {
                conds.Add(info.Name);
            }
        }

        if (conds.Count > 0)
        {
            AddWrapped($"nobody is left to signal {string.Join(", ", conds)}", width, lines);
        }
    }

    /// <summary>The edges of the cycle of mutex waits through <paramref name="thread"/>, in chain order.</summary>
    private static List<WaitEdge> CycleFrom(Kernel kernel, int thread)
    {
        var chain = new List<WaitEdge>();
        var graph = kernel.WaitForGraph();
        for (var current = thread; current >= 0 && chain.Count < graph.Count;)
        {
            var next = -1;
            foreach (var edge in graph)
            {
                if (edge.Thread == current)
                {
                    chain.Add(edge);
                    next = edge.Holder;
                    break;
                }
            }

            current = next == thread ? -1 : next;
        }

        return chain;
    }

    private static void AddWrapped(string text, int width, List<string> lines)
    {
        foreach (var part in TextFit.Wrap(text, width - 2, 2))
        {
            lines.Add("  " + TextFit.Styled(part, null));
        }
    }
}
