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
        var data = RunScreenData.Build(state, session, width, height);
        var right = new Layout("right");
        var rightParts = new List<Layout>
        {
            new Layout("objects").Size(data.ObjectsHeight).Update(Box.Panel("Objects", data.Objects, Palette.PanelBorder)),
        };
        if (data.Findings is not null)
        {
            rightParts.Add(new Layout("findings").Size(data.FindingsHeight)
                .Update(Box.Panel("Findings", data.Findings, Palette.FindingsBorder, Palette.Finding)));
        }

        rightParts.Add(new Layout("events").Update(Box.Panel("Events · newest last", data.Events, Palette.PanelBorder)));
        right.SplitRows([.. rightParts]);

        var body = new Layout("body").SplitColumns(
            new Layout("threads").Size(data.ThreadsWidth).Update(Box.Panel("Threads", data.Threads, Palette.PanelBorder)),
            right);

        return new Layout("run").SplitRows(
            new Layout("header").Size(1).Update(new Markup(data.Header)),
            body,
            new Layout("status").Size(2).Update(new Markup(data.Status + "\n" + data.Keys)));
    }
}
