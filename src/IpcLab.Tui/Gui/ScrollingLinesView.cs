using System.Drawing;
using IpcLab.Tui.Views;
using Terminal.Gui.Drivers;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;

namespace IpcLab.Tui.Gui;

/// <summary>
/// Lines of view data taller than the screen, in Terminal.Gui's own scrolling: the content is all
/// the lines, the viewport the rows shown, a scroll bar at the right when they do not fit; the
/// wheel, PgUp/PgDn, ↑/↓, Home and End scroll it. It computes nothing.
/// </summary>
internal sealed class ScrollingLinesView : View
{
    private IReadOnlyList<string> _lines = [];

    public ScrollingLinesView()
    {
        ViewportSettings |= ViewportSettingsFlags.HasVerticalScrollBar;
        MouseEvent += (_, mouse) =>
        {
            if (mouse.IsWheel)
            {
                Scroll(mouse.Flags.HasFlag(MouseFlags.WheeledUp) ? -3 : 3);
                mouse.Handled = true;
            }
        };
    }

    /// <summary>The theme the styles' colour words are read in.</summary>
    public ScreenTheme Theme { get; set; }

    /// <summary>The first line shown.</summary>
    public int Top => Viewport.Y;

    public IReadOnlyList<string> Lines
    {
        get => _lines;
        set
        {
            _lines = value;
            SetContentSize(new Size(Math.Max(1, Viewport.Width), Math.Max(1, value.Count)));
            SetNeedsDraw();
        }
    }

    /// <summary>Scrolls by <paramref name="rows"/> (negative: up), within the lines.</summary>
    public void Scroll(int rows)
    {
        var top = Math.Clamp(Viewport.Y + rows, 0, Math.Max(0, _lines.Count - Viewport.Height));
        Viewport = Viewport with { Y = top };
        SetNeedsDraw();
    }

    /// <summary>A scrolling key (PgUp, PgDn, ↑, ↓, Home, End); false for any other key.</summary>
    public bool ScrollKey(Key key)
    {
        var page = Math.Max(1, Viewport.Height - 1);
        int? rows = key.KeyCode switch
        {
            KeyCode.PageUp => -page,
            KeyCode.PageDown => page,
            KeyCode.CursorUp => -1,
            KeyCode.CursorDown => 1,
            KeyCode.Home => -_lines.Count,
            KeyCode.End => _lines.Count,
            _ => null,
        };
        if (rows is { } by)
        {
            Scroll(by);
        }

        return rows is not null;
    }

    protected override bool OnDrawingContent(DrawContext? context)
    {
        var normal = GetAttributeForRole(Terminal.Gui.Drawing.VisualRole.Normal);
        for (var row = 0; row < Viewport.Height && Viewport.Y + row < _lines.Count; row++)
        {
            Move(0, row);
            foreach (var run in MarkupRuns.Parse(_lines[Viewport.Y + row]))
            {
                SetAttribute(GuiStyles.Of(run.Style, normal, Theme));
                AddStr(run.Text);
            }
        }

        return true;
    }
}
