using IpcLab.Core.Sessions;

namespace IpcLab.Tui.Views;

/// <summary>
/// The top line: "IpcLab · FILE · step N (of M) · scheduler: … · running/paused", and "? keys"
/// on the right when there is room.
/// </summary>
internal static class HeaderView
{
    /// <summary>The header as one line of markup.</summary>
    public static string Line(TuiState state, Session session, int width)
    {
        var line = new MarkupLine(width);
        line.Add("IpcLab", "bold cyan").Add(" · ", Palette.Dim).Add(state.FileName.Length > 0 ? state.FileName : session.Program.File, Palette.Title);
        line.Add(" · ", Palette.Dim).Add($"step {session.Position}", Palette.Title);
        if (session.Position < session.Timeline.Count)
        {
            line.Add($" of timeline {session.Timeline.Count}", Palette.Waiting);
        }

        line.Add(" · ", Palette.Dim).Add("scheduler: ").Add(session.SchedulerText, Palette.Title).Add(" · ", Palette.Dim);
        if (session.IsOver)
        {
            line.Add("run over", Palette.Finished);
        }
        else if (state.Running)
        {
            line.Add($"running ({state.SpeedMs} ms a step)", Palette.Ready);
        }
        else
        {
            line.Add("paused", Palette.Waiting);
        }

        return WithKeysHint(line, width);
    }

    private static string WithKeysHint(MarkupLine line, int width)
    {
        const string hint = "? keys";
        if (line.Room >= hint.Length + 2)
        {
            line.PadTo(width - hint.Length).Add(hint, Palette.Hint);
        }

        return line.ToString();
    }
}
