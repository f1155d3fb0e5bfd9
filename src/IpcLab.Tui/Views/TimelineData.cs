using IpcLab.Core.Objects;

namespace IpcLab.Tui.Views;

/// <summary>
/// The timeline across the recorded run, one line: "step 12/40 " then a bar where position p of
/// 0..N sits at column p·(bar−1)/N, rounded. The current step is ◆; a step that blocked, woke, delivered,
/// dropped, faulted or found something leaves its mark (several steps in one column: the most
/// telling). A click or drag on the bar goes to the step under it (<see cref="StepAt"/>).
/// </summary>
/// <param name="Line">The line as markup, <c>width</c> cells at most.</param>
/// <param name="BarStart">The column where the bar begins.</param>
/// <param name="BarWidth">The bar's width in columns (0 when nothing is recorded).</param>
/// <param name="Steps">The recorded steps N.</param>
public sealed record TimelineData(string Line, int BarStart, int BarWidth, int Steps)
{
    public const string Current = "◆";
    public const string Plain = "─";

    public static TimelineData Build(IReadOnlyList<EventClass> marks, int position, int width)
    {
        var steps = marks.Count;
        if (steps == 0)
        {
            return new(new MarkupLine(width).Add("timeline: no steps recorded yet", Palette.Hint).ToString(), 0, 0, 0);
        }

        var label = $"step {position}/{steps} ".PadRight($"step {steps}/{steps} ".Length);
        var bar = Math.Max(2, width - label.Length);
        var shown = new EventClass[bar];
        for (var s = 1; s <= steps; s++)
        {
            var column = ColumnOf(s, steps, bar);
            if (TimelineMarks.Rank(marks[s - 1]) > TimelineMarks.Rank(shown[column]))
            {
                shown[column] = marks[s - 1];
            }
        }

        var line = new MarkupLine(width).Add(label, Palette.Title);
        var cursor = ColumnOf(Math.Clamp(position, 0, steps), steps, bar);
        for (var c = 0; c < bar; c++)
        {
            line.Add(c == cursor ? Current : GlyphOf(shown[c]), c == cursor ? Palette.Prompt : StyleOf(shown[c]));
        }

        return new(line.ToString(), label.Length, bar, steps);
    }

    /// <summary>The step a column of the line stands for, or -1 outside the bar.</summary>
    public int StepAt(int column)
    {
        if (BarWidth == 0 || column < BarStart || column >= BarStart + BarWidth)
        {
            return -1;
        }

        var c = column - BarStart;
        return (int)Math.Round((double)c * Steps / (BarWidth - 1), MidpointRounding.AwayFromZero);
    }

    /// <summary>The glyph of a step's class on the bar (the legend lists them).</summary>
    public static string GlyphOf(EventClass c) => c switch
    {
        EventClass.Block => "▾",
        EventClass.Wake => "▴",
        EventClass.Deliver => "◇",
        EventClass.Drop => "◦",
        EventClass.Fault => "×",
        EventClass.Finding => "!",
        _ => Plain,
    };

    /// <summary>A mark's colour: the colour of its events' sentences in the events panel.</summary>
    public static string StyleOf(EventClass c) => c switch
    {
        EventClass.Block => Palette.Blocked,
        EventClass.Wake => "cyan",
        EventClass.Deliver => "green",
        EventClass.Drop => Palette.Waiting,
        EventClass.Fault => Palette.Faulted,
        EventClass.Finding => Palette.Finding,
        _ => Palette.Dim,
    };

    // Rounded both ways (here and in StepAt), so that while every step has a column of its own a
    // click on a position's column goes back to exactly that position.
    private static int ColumnOf(int position, int steps, int bar) =>
        (int)Math.Round((double)position * (bar - 1) / steps, MidpointRounding.AwayFromZero);
}
