using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;

namespace IpcLab.Tui.Gui;

// The help page in a view of its own that scrolls: every key (the run's, this screen's, a lesson's) or the legend.
internal sealed partial class GuiRunScreen
{
    private readonly ScrollingLinesView _help = new() { X = 1, Y = 2, Width = Dim.Fill(1), Height = Dim.Fill(2), Visible = false };

    /// <summary>The help page's first line shown (tests read it).</summary>
    internal int HelpTop => _help.Top;

    /// <summary>Shows the help page's lines (null: the page is not on screen), keeping where it was scrolled to while it stays open.</summary>
    private void ShowHelp(IReadOnlyList<string>? lines)
    {
        var opening = lines is not null && !_help.Visible;
        _help.Visible = lines is not null;
        if (lines is null)
        {
            return;
        }

        _help.Lines = lines;
        if (opening)
        {
            _help.Scroll(-lines.Count);
        }
    }

    /// <summary>On the help page, PgUp, PgDn, ↑, ↓, Home and End scroll it.</summary>
    private bool HelpKey(Key key) => _state.Screen == Screen.Help && _help.Visible && _help.ScrollKey(key);
}
