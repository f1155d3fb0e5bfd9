using IpcLab.Core.Sessions;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace IpcLab.Tui.Views;

/// <summary>
/// The whole screen as a pure function of the TUI state and the terminal size. The live loop and
/// the golden-frame tests call this same function. The frame is a Layout, so it is exactly
/// <c>height</c> lines; every view fits its own lines to its region, so nothing wraps.
/// </summary>
public static class Frame
{
    public const int MinWidth = 100;
    public const int MinHeight = 30;

    private const int EventsMinHeight = 5;

    public static IRenderable Build(TuiState state, int width, int height)
    {
        if (width < MinWidth || height < MinHeight)
        {
            return TooSmallView.Build(width, height);
        }

        return state.Screen switch
        {
            Screen.Help => HelpView.Build(state, width),
            Screen.Run when state.Session is { } session => Run(state, session, width, height),
            _ => StartView.Build(state, width, height),
        };
    }

    private static Layout Run(TuiState state, Session session, int width, int height)
    {
        var kernel = session.Kernel;
        var changes = new StepChanges(kernel);
        var bodyHeight = height - 3;
        var threadsWidth = Math.Clamp(width * 48 / 100, 48, 72);
        var rightWidth = width - threadsWidth;
        var inner = rightWidth - Box.Chrome;

        // The right column is shared top-down: objects first (they are the state), then the
        // findings (up to half the height), then the events get the rest, never fewer than three lines.
        var objects = ObjectsView.Lines(kernel, changes, inner);
        var findings = kernel.Findings.Count == 0 ? null : FindingsView.Lines(kernel, inner);
        var findingsHeight = findings is null ? 0 : Math.Min(findings.Count + 2, Math.Max(4, bodyHeight / 2));
        var objectsHeight = Math.Min(objects.Count + 2, bodyHeight - findingsHeight - EventsMinHeight);
        var eventsHeight = bodyHeight - findingsHeight - objectsHeight;
        var events = EventsView.Lines(kernel, changes, inner, eventsHeight - 2);

        var right = new Layout("right");
        var rightParts = new List<Layout>
        {
            new Layout("objects").Size(objectsHeight).Update(Box.Panel("Objects", Box.Clip(objects, objectsHeight - 2), Palette.PanelBorder)),
        };
        if (findings is not null)
        {
            rightParts.Add(new Layout("findings").Size(findingsHeight)
                .Update(Box.Panel("Findings", Box.Clip(findings, findingsHeight - 2), Palette.FindingsBorder, Palette.Finding)));
        }

        rightParts.Add(new Layout("events").Update(Box.Panel("Events · newest last", events, Palette.PanelBorder)));
        right.SplitRows([.. rightParts]);

        var body = new Layout("body").SplitColumns(
            new Layout("threads").Size(threadsWidth).Update(ThreadsView.Build(state, session, changes, threadsWidth, bodyHeight)),
            right);

        return new Layout("run").SplitRows(
            new Layout("header").Size(1).Update(HeaderView.Build(state, session, width)),
            body,
            new Layout("status").Size(2).Update(StatusBarView.Build(state, width, StatusBarView.KeysFor(state, width))));
    }
}
