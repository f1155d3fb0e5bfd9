using IpcLab.Tui.Views;

namespace IpcLab.Tui.Gui;

// The keys only this screen has (o, f, Tab on the help page, a dialog's buttons), before the shared key handler.
internal sealed partial class GuiRunScreen
{
    private const string OutputTitle = "Output · locals · checks (o: events)";

    private bool _showOutput;
    private bool _showLegend;

    /// <summary>The hint line of the help page: Tab goes between the keys and the legend.</summary>
    private string HelpHints => $"{StatusBarView.HelpKeys}{(_showLegend ? "" : " · PgUp/PgDn scroll")} · Tab: {(_showLegend ? "the keys" : "what the symbols mean")}";

    /// <summary>Handles a key only this screen has; false leaves it to the shared key handler.</summary>
    private bool ScreenKey(ConsoleKeyInfo key)
    {
        var onRun = _state.Screen == Screen.Run && _state.Prompt == PromptKind.None;
        if (FoundKey(key))
        {
            Refresh();
            return true;
        }

        if (BrokerKey(key))
        {
            return true;
        }

        if (key.KeyChar == 'f' && onRun)
        {
            FindBug();
            return true;
        }

        // Esc closes the output pane (as o does) before it would leave the run for the list of programs.
        if ((key.KeyChar == 'o' || (key.Key == ConsoleKey.Escape && _showOutput)) && onRun)
        {
            ToggleOutput();
            return true;
        }

        _showLegend &= key.KeyChar != '?';
        _openAnyway = false;
        if (key.KeyChar == '\t' && _state.Screen == Screen.Help)
        {
            _showLegend = !_showLegend;
            Refresh();
            return true;
        }

        return false;
    }

    /// <summary>The help page: every key (the shared ones, then this screen's), or the legend of symbols.</summary>
    private IEnumerable<string> HelpLines(int width) => _showLegend
        ? LegendView.Lines(width, Viewport.Height - 4)
        : HelpView.Keys.Concat(GuiHelp.Keys).Select(k => new MarkupLine(width).Add(k.Keys.PadRight(18), Palette.Prompt).Add(k.Meaning).ToString())
            .Append("")
            .Append(new MarkupLine(width).Add("In a lesson", Palette.Title).ToString())
            .Concat(GuiHelp.LessonKeys.Select(k => new MarkupLine(width).Add(k.Keys.PadRight(18), Palette.Prompt).Add(k.Meaning).ToString()));

    /// <summary>Help menu: the help page on the legend of symbols.</summary>
    private void ShowLegend()
    {
        if (_state.Screen != Screen.Help)
        {
            Press('?');
        }

        _showLegend = true;
        Refresh();
    }

    /// <summary>o: the events panel shows the output, the locals and the final checks instead (o again: the events).</summary>
    private void ToggleOutput()
    {
        _showOutput = !_showOutput;
        _state.Status = _showOutput ? "output, locals and final checks in place of the events (o or Esc shows the events again)" : "the events again (o shows the output, locals and final checks)";
        Refresh();
    }

    /// <summary>A dialog's button: the keys it stands for, one after the other.</summary>
    private void PressKeys(string keys)
    {
        foreach (var key in keys)
        {
            Press(key);
        }
    }
}
