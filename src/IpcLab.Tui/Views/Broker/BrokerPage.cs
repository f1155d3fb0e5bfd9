using IpcLab.Core.Runtime;

namespace IpcLab.Tui.Views.Broker;

/// <summary>
/// The broker page (x on the run screen): the topology diagram, the messages in flight, the path
/// of the chosen message, the exchanges' routing tables and the queues with their consumers (and,
/// where the page has the rows, each queue's ready messages in order). Wide enough
/// (<see cref="TwoColumns"/>), the tables and queues go in a right-hand column; otherwise
/// everything is one column the page scrolls through.
/// </summary>
internal static class BrokerPage
{
    /// <summary>The narrowest page that is split into two columns.</summary>
    public const int TwoColumns = 150;

    /// <summary>The cells before a hop's sentence: the selection mark and "step N    ".</summary>
    private const int HopIndent = 12;

    public static BrokerPageData Build(Kernel kernel, BrokerPaneState pane, int width, int height)
    {
        var labels = new MessageLabels(kernel);
        var changes = new StepChanges(kernel);
        var split = width >= TwoColumns;
        var leftWidth = split ? (width * 11 / 20) : width;
        var rightWidth = width - leftWidth - 2;
        var left = new List<(string Line, PageTarget Target)>();
        Section(left, "Topology · ●N a message where it is now", leftWidth);
        if (BrokerDownNotice.Line(kernel, leftWidth) is { } down)
        {
            left.Add((down, PageTarget.None));
        }

        left.AddRange(BrokerDiagram.Lines(kernel, labels, changes, leftWidth).Select(l => (l, PageTarget.None)));
        AddMessages(kernel, labels, pane, leftWidth, left);
        AddPath(kernel, labels, pane, leftWidth, left);

        var right = new List<(string Line, PageTarget Target)>();
        Section(right, "Routing tables · ✓ the bindings the message matched", split ? rightWidth : width);
        right.AddRange(RoutingTable.Lines(kernel, changes, split ? rightWidth : width).Select(l => (l, PageTarget.None)));
        Section(right, "Queues and consumers", split ? rightWidth : width);

        // Rows the page would leave empty list each queue's ready messages, which the diagram's box has room for a few of only.
        var used = (split ? 0 : left.Count + 1) + right.Count + QueueCards.Lines(kernel, labels, split ? rightWidth : width).Count;
        var listReady = used + QueueCards.ReadyLines(kernel, labels) <= height;
        right.AddRange(QueueCards.Lines(kernel, labels, split ? rightWidth : width, listReady).Select(l => (l, PageTarget.None)));

        List<(string Line, PageTarget Target)> rows;
        if (split)
        {
            rows = [];
            for (var i = 0; i < Math.Max(left.Count, right.Count); i++)
            {
                var (line, target) = i < left.Count ? left[i] : ("", PageTarget.None);
                var pad = new string(' ', Math.Max(0, leftWidth + 2 - TextFit.Width(MarkupRuns.Plain(line))));
                rows.Add((line + pad + (i < right.Count ? right[i].Line : ""), target));
            }
        }
        else
        {
            rows = [.. left, ("", PageTarget.None), .. right];
        }

        var skip = Math.Clamp(pane.Scrolled, 0, Math.Max(0, rows.Count - height));
        pane.Scrolled = skip;
        var shown = rows.Skip(skip).Take(height).ToList();
        if (skip > 0 && shown.Count > 0)
        {
            shown[0] = (TextFit.Styled($"… {skip + 1} lines above (wheel up)", Palette.Dim), PageTarget.None);
        }

        if (rows.Count > skip + height && shown.Count > 0)
        {
            shown[^1] = (TextFit.Styled($"… {rows.Count - skip - height + 1} lines below (wheel down)", Palette.Dim), PageTarget.None);
        }

        return new BrokerPageData([.. shown.Select(r => r.Line)], [.. shown.Select(r => r.Target)]);
    }

    private static void AddMessages(Kernel kernel, MessageLabels labels, BrokerPaneState pane, int width, List<(string, PageTarget)> rows)
    {
        Section(rows, "Messages in flight · ] [ or a click: its path", width);
        foreach (var copy in labels.InFlight)
        {
            rows.Add((InFlightLines.Line(kernel, copy, width, copy.Label == pane.Message).ToString(), new PageTarget(copy.Label, -1)));
        }

        if (labels.InFlight.Count == 0)
        {
            var none = labels.Published.Count == 0 ? "  none: nothing published yet" : $"  none now · {labels.Published.Count} published so far (] opens a path)";
            rows.Add((TextFit.Styled(TextFit.Fit(none, width), Palette.Dim), PageTarget.None));
        }
    }

    private static void AddPath(Kernel kernel, MessageLabels labels, BrokerPaneState pane, int width, List<(string, PageTarget)> rows)
    {
        if (pane.Message == 0)
        {
            return;
        }

        var hops = pane.Hops(kernel, labels);
        Section(rows, $"Path of {MessageLabels.Mark(pane.Message)} \"{labels[pane.Message].Body}\" · ↑↓ a hop · Enter: go to its step", width);
        for (var i = 0; i < hops.Count; i++)
        {
            var hop = hops[i];
            var ahead = hop.Step > kernel.StepCount;
            var now = hop.Step == kernel.StepCount;
            // The sentence is wrapped under itself, every line of it leading to the hop.
            var style = ahead ? Palette.Dim : now ? Palette.Changed : null;
            var sentence = TextFit.Wrap(hop.Text, width - HopIndent);
            var line = new MarkupLine(width).Add(i == pane.Hop ? $"{Palette.SelectedMark} " : "  ", Palette.Prompt)
                .Add($"step {hop.Step,-4} ", i == pane.Hop ? Palette.Selected : now ? Palette.Changed : Palette.Dim)
                .Add(sentence.Count > 0 ? sentence[0] : "", style);
            rows.Add((line.ToString(), new PageTarget(0, i)));
            foreach (var more in sentence.Skip(1))
            {
                rows.Add((new MarkupLine(width).PadTo(HopIndent).Add(more, style).ToString(), new PageTarget(0, i)));
            }
        }

        if (hops.Count == 0)
        {
            rows.Add((TextFit.Styled("  (not published yet at this step)", Palette.Dim), PageTarget.None));
        }
    }

    private static void Section(List<(string, PageTarget)> rows, string title, int width)
    {
        if (rows.Count > 0)
        {
            rows.Add(("", PageTarget.None));
        }

        rows.Add((TextFit.Styled(TextFit.Fit(title, width), Palette.Prompt), PageTarget.None));
    }
}
