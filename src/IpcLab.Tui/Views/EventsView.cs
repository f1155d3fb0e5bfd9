using IpcLab.Core.Runtime;

namespace IpcLab.Tui.Views;

/// <summary>
/// The event log's last lines: "step  sentence", newest at the bottom and always visible (the log
/// is sliced to the panel here, since a Layout region crops at its bottom). Long sentences wrap
/// under themselves. The last step's events carry a "•" and their colour. Scrolled back, the
/// newest <c>scrolledBack</c> events are left out and the ones before them end the panel.
/// </summary>
internal static class EventsView
{
    public static List<string> Lines(Kernel kernel, StepChanges changes, int width, int height, int scrolledBack = 0)
    {
        var lines = new List<string>(height);
        var events = kernel.Events;
        if (events.Count == 0)
        {
            lines.Add(TextFit.Styled(TextFit.Fit("no steps yet: space takes one, 1-9 runs a thread", width), Palette.Dim));
            return lines;
        }

        var stepWidth = Math.Max(3, kernel.StepCount.ToString().Length);
        var indent = stepWidth + 4;

        // Walk back from the newest event and stop when the panel is full: only the tail of the
        // log is ever looked at, however long the run.
        var blocks = new List<List<string>>();
        var used = 0;
        for (var i = events.Count - 1 - Math.Clamp(scrolledBack, 0, events.Count - 1); i >= 0 && used < height; i--)
        {
            var e = events[i];
            var last = i >= changes.FirstEvent;
            var sentence = Sentence(kernel, e);
            var wrapped = TextFit.Wrap(sentence, width - indent, 0);
            var block = new List<string>(wrapped.Count);
            for (var k = 0; k < wrapped.Count; k++)
            {
                var line = new MarkupLine(width);
                if (k == 0)
                {
                    line.Add(last ? $"{Palette.ChangedMark} " : "  ", Palette.Changed)
                        .Add(e.Step.ToString().PadLeft(stepWidth), last ? Palette.Title : Palette.Dim)
                        .Add("  ");
                }
                else
                {
                    line.PadTo(indent);
                }

                line.Add(wrapped[k], last ? $"bold {Palette.Of(e.Kind)}" : null);
                block.Add(line.ToString());
            }

            if (used + block.Count > height)
            {
                if (used == 0)
                {
                    block.RemoveRange(height, block.Count - height);
                    blocks.Add(block);
                }

                break;
            }

            blocks.Add(block);
            used += block.Count;
        }

        for (var b = blocks.Count - 1; b >= 0; b--)
        {
            lines.AddRange(blocks[b]);
        }

        return lines;
    }

    // A deadlock's sentence spells out the whole wait-for graph; the findings panel draws it
    // edge by edge, so the log only points there instead of spending its few lines on it.
    private static string Sentence(Kernel kernel, KernelEvent e) => e.Kind switch
    {
        EventKind.Deadlock => "deadlock: no thread can run (see Findings)",
        EventKind.DeadlockCycle => "deadlock: threads wait for each other in a cycle (see Findings)",
        _ => EventText.Describe(e, kernel.Program, kernel.Strings),
    };
}
