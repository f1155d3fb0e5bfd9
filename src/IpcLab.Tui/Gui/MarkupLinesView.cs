using IpcLab.Tui.Views;
using Terminal.Gui.Drawing;
using Terminal.Gui.ViewBase;

namespace IpcLab.Tui.Gui;

/// <summary>Displays lines of view data (markup already fitted to the width) in their styles; it computes nothing.</summary>
internal sealed class MarkupLinesView : View
{
    private IReadOnlyList<string> _lines = [];

    /// <summary>The theme the styles' colour words are read in.</summary>
    public ScreenTheme Theme { get; set; }

    public IReadOnlyList<string> Lines
    {
        get => _lines;
        set
        {
            // Only lines that changed are drawn again: a step redraws the panels it changed, not the screen.
            if (!_lines.SequenceEqual(value, StringComparer.Ordinal))
            {
                _lines = value;
                SetNeedsDraw();
            }
        }
    }

    protected override bool OnDrawingContent(DrawContext? context)
    {
        var normal = GetAttributeForRole(VisualRole.Normal);
        for (var row = 0; row < _lines.Count && row < Viewport.Height; row++)
        {
            Move(0, row);
            foreach (var run in MarkupRuns.Parse(_lines[row]))
            {
                SetAttribute(GuiStyles.Of(run.Style, normal, Theme));
                AddStr(run.Text);
            }
        }

        return true;
    }
}
