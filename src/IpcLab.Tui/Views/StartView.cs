using Spectre.Console;
using Spectre.Console.Rendering;

namespace IpcLab.Tui.Views;

/// <summary>The start screen: the programs in lessons/ with their descriptions, the highlighted one, and what IpcLab does.</summary>
internal static class StartView
{
    private const string About =
        "Each program runs as threads in a simulated kernel, one atomic step at a time. " +
        "Step forward and back, choose which thread runs next, and watch who holds each lock, " +
        "who blocks, who waits and what moves through the buffer. Nothing is random unless you ask " +
        "for a seeded random scheduler, so every run can be replayed exactly.";

    public static IRenderable Build(TuiState state, int width, int height)
    {
        var inner = width - Box.Chrome;
        var about = TextFit.Wrap(About, inner).Select(l => TextFit.Styled(l, Palette.Dim)).ToList();
        var legend = Legend(inner);
        var bodyHeight = height - 3;

        // The list takes what it needs (up to what the other two panels leave); the panels hug
        // their contents and any spare lines stay blank at the bottom.
        // The flexible "rest" row keeps at least one line: a layout row of size 0 still takes one
        // and would push the key line off the bottom.
        var fixedHeight = about.Count + legend.Count + 4 + 1;
        var list = Programs(state, inner, Math.Max(1, bodyHeight - fixedHeight - 2));
        var listHeight = Math.Min(list.Count + 2, bodyHeight - fixedHeight);

        var root = new Layout("start").SplitRows(
            new Layout("header").Size(1).Update(HeaderView.Title("how programs talk to each other, one atomic step at a time", width)),
            new Layout("programs").Size(listHeight).Update(Box.Panel(LessonPathView.Title(state), list, Palette.PanelBorder)),
            new Layout("about").Size(about.Count + 2).Update(Box.Panel("About", about, Palette.PanelBorder)),
            new Layout("legend").Size(legend.Count + 2).Update(Box.Panel("Reading the run screen", legend, Palette.PanelBorder)),
            new Layout("rest").Update(Text.Empty),
            new Layout("status").Size(2).Update(StatusBarView.Build(state, width, StatusBarView.StartKeys)));
        return root;
    }

    /// <summary>What the marks and colours of the run screen mean.</summary>
    private static List<string> Legend(int width)
    {
        const int key = 18;
        return
        [
            new MarkupLine(width).Add($"  {Palette.NextLine}", Palette.Marker).PadTo(key).Add("the line each thread runs next").ToString(),
            new MarkupLine(width).Add($"  {Palette.ChangedMark}", Palette.Changed).PadTo(key).Add("changed by the last step (an object, an event)").ToString(),
            new MarkupLine(width).Add("  ▲ head ▲ tail", Palette.Dim).PadTo(key).Add("where a queue's next take and next put happen").ToString(),
            new MarkupLine(width).Add("  states", Palette.Dim).PadTo(key)
                .Add("ready", Palette.Ready).Add(" · ").Add("blocked", Palette.Blocked).Add(" (lock, semaphore, queue, socket) · ")
                .Add("waiting", Palette.Waiting).Add(" (condition) · ").Add("finished", Palette.Finished).Add(" · ").Add("faulted", Palette.Faulted).ToString(),
        ];
    }

    /// <summary>One entry a block: "› name  description", the description wrapped under itself; a window around the highlighted entry when they do not all fit.</summary>
    private static List<string> Programs(TuiState state, int width, int height)
    {
        var lessons = state.Lessons;
        if (lessons.Count == 0)
        {
            return [TextFit.Styled(TextFit.Fit("No programs found: put .ipl files in lessons/, or run `ipclab tui FILE`.", width), Palette.Dim)];
        }

        var nameWidth = 0;
        foreach (var lesson in lessons)
        {
            nameWidth = Math.Max(nameWidth, TextFit.Width(LessonPathView.Name(state, lesson)));
        }

        nameWidth = Math.Min(nameWidth, width / 3);
        var indent = nameWidth + 4;
        var blocks = new List<List<string>>(lessons.Count);
        for (var i = 0; i < lessons.Count; i++)
        {
            var selected = i == state.LessonIndex;
            var description = TextFit.Wrap(LessonPathView.Description(state, lessons[i]), width - indent);
            var block = new List<string>(description.Count);
            for (var k = 0; k < description.Count; k++)
            {
                var line = new MarkupLine(width);
                if (k == 0)
                {
                    line.Add(selected ? $"{Palette.SelectedMark} " : "  ", Palette.Marker)
                        .Add(TextFit.Pad(LessonPathView.Name(state, lessons[i]), nameWidth), selected ? $"{Palette.Title} {Palette.Selected}" : LessonPathView.NameStyle(state, lessons[i]));
                }

                line.PadTo(indent).Add(description[k], selected ? null : Palette.Dim);
                block.Add(line.ToString());
            }

            blocks.Add(block);
        }

        // Show whole entries, starting early enough that the highlighted one is in view.
        var selectedIndex = Math.Clamp(state.LessonIndex, 0, lessons.Count - 1);
        var first = 0;
        while (first < selectedIndex && Span(blocks, first, selectedIndex) > height)
        {
            first++;
        }

        var lines = new List<string>(height);
        for (var i = first; i < blocks.Count && lines.Count + blocks[i].Count <= height; i++)
        {
            lines.AddRange(blocks[i]);
        }

        return lines;
    }

    private static int Span(List<List<string>> blocks, int from, int to)
    {
        var n = 0;
        for (var i = from; i <= to; i++)
        {
            n += blocks[i].Count;
        }

        return n;
    }
}
