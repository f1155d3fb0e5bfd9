using IpcLab.Tui.App;
using IpcLab.Tui.Lessons;
using IpcLab.Tui.Views;
using Terminal.Gui.Drawing;
using Terminal.Gui.Drivers;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace IpcLab.Tui.Gui;

/// <summary>
/// The lesson beside the run: the narrative pane (<see cref="LessonPaneView"/>) and the lesson's
/// dialog (<see cref="LessonDialogView"/>) over the run screen. On a wide window the pane is a
/// column of its own at the right; on a narrower one it shares the events panel's place, the
/// newest events above it.
/// It displays view data and routes the lesson's keys (<see cref="LessonKeys"/>); it computes nothing.
/// </summary>
internal sealed class GuiLessonPane : IDisposable
{
    /// <summary>The narrowest a pane column is worth showing; below it the pane takes the events' place.</summary>
    private const int MinColumn = 40;

    private const int MaxColumn = 72;

    /// <summary>The events panel's height (borders included) when the pane shares its place.</summary>
    private const int EventsMinHeight = 5;

    private readonly TuiState _state;
    private readonly LessonKeys _keys;
    private readonly FrameView _pane = new() { BorderStyle = LineStyle.Rounded, CanFocus = false, Visible = false };
    private readonly MarkupLinesView _paneLines = new() { X = 1, Y = 0, Width = Dim.Fill(1), Height = Dim.Fill() };
    private readonly FrameView _dialog = new() { BorderStyle = LineStyle.Double, CanFocus = false, Visible = false, X = Pos.Center(), Y = Pos.Center() };
    private readonly MarkupLinesView _dialogLines = new() { X = 1, Y = 0, Width = Dim.Fill(1), Height = Dim.Fill() };
    private int _total;
    private int _rows = 1;
    private int _inner = 10;
    private int _width;

    // The dialog, and what it was asking, when a frame last showed it: until the screen shows what
    // it asks now, a key was typed without it in view (after the step that opened it, or an Enter
    // that answered it) and must not answer it.
    private (LessonDialog? Dialog, LessonDialogKind Kind) _drawn;

    /// <param name="toUiThread">Runs an action on the UI thread, then redraws (a challenge's verdict, judged away from it).</param>
    public GuiLessonPane(TuiState state, string workingDirectory, Action<Action> toUiThread)
    {
        _state = state;
        _keys = new LessonKeys(state, workingDirectory);
        Judge = new GuiChallengeJudge(state, workingDirectory, toUiThread);
        _pane.Add(_paneLines);
        _dialog.Add(_dialogLines);
        _dialogLines.DrawComplete += (_, _) =>
        {
            if (_dialog.Visible && _state.LessonScreen.Dialog is { } shown)
            {
                _drawn = (shown, shown.Kind);
            }
        };
        _paneLines.MouseEvent += (_, mouse) =>
        {
            if (mouse.IsWheel)
            {
                _keys.Scroll(mouse.Flags.HasFlag(MouseFlags.WheeledUp) ? -3 : 3, _total, _rows);
                mouse.Handled = true;
                Show();
            }
        };
    }

    /// <summary>Judges a fix challenge away from the UI thread.</summary>
    public GuiChallengeJudge Judge { get; }

    /// <summary>Adds the pane and the dialog to the run screen (the dialog last, so it is drawn over the panels).</summary>
    public void AddTo(View screen)
    {
        screen.Add(_pane);
        screen.Add(_dialog);
    }

    /// <summary>The columns the pane takes at the right of a window this wide; 0 when it is hidden or takes the events' place.</summary>
    public int ColumnFor(int width)
    {
        var room = width - TooSmallView.MinWidth;
        return _state.LessonScreen.PaneShown && _state.Screen == Screen.Run && room >= MinColumn ? Math.Min(MaxColumn, room) : 0;
    }

    /// <summary>
    /// A key of the lesson (its dialog, l, p, t, h, PgUp/PgDn); false when the run keys take it. A key
    /// that reaches an open dialog before a frame has shown it is dropped (Ctrl-C still quits).
    /// </summary>
    public bool OnKey(Key key)
    {
        if (_state.LessonScreen.Dialog is { } asking && _drawn != (asking, asking.Kind) && !(key.IsCtrl && key.NoCtrl == Key.C))
        {
            return true;
        }

        if (GuiKeys.ToConsoleKey(key) is { } pressed && (Judge.OnKey(pressed) || (pressed.Key == ConsoleKey.Enter && _state.LessonScreen.Dialog is { } open && Judge.TryStart(open))))
        {
            return true;
        }

        if (_state.LessonScreen.Dialog is null && _pane.Visible && (key.KeyCode == KeyCode.PageUp || key.KeyCode == KeyCode.PageDown))
        {
            _keys.Scroll(key.KeyCode == KeyCode.PageUp ? -(_rows - 1) : _rows - 1, _total, _rows);
            return true;
        }

        if (key.KeyCode == KeyCode.Tab && _state.LessonScreen.Dialog is not null)
        {
            return _keys.Handle(new ConsoleKeyInfo('\t', ConsoleKey.Tab, shift: false, alt: false, control: false));
        }

        return GuiKeys.ToConsoleKey(key) is { } consoleKey && _keys.Handle(consoleKey);
    }

    /// <summary>
    /// Places and fills the pane and the dialog on the run screen (<paramref name="data"/>, laid out
    /// for a screen of <paramref name="height"/> rows, the menu bar included), or hides them (null).
    /// Returns how many rows of events the events panel keeps (all of them unless the pane shares its place).
    /// </summary>
    public int Place(RunScreenData? data, int width, int height, int column, View events)
    {
        var shown = data is not null && _state.LessonScreen.PaneShown;
        var eventRows = data?.EventsHeight - 2 ?? 0;
        events.SetHeight(Dim.Fill(3));
        _pane.Visible = shown;
        if (shown && column > 0)
        {
            _pane.SetX(width - column);
            _pane.SetY(2);
            _pane.SetWidth(column);
            _pane.SetHeight(Dim.Fill(3));
            _inner = column - Box.Chrome;
            _rows = height - 7;
        }
        else if (shown)
        {
            // The newest events stay in view (a third of the place, at least three rows); the story takes the rest.
            var eventsHeight = Math.Max(EventsMinHeight, data!.EventsHeight / 3);
            eventRows = eventsHeight - 2;
            events.SetHeight(eventsHeight);
            _pane.SetX(events.X);
            _pane.SetY(Pos.Bottom(events));
            _pane.SetWidth(Dim.Fill());
            _pane.SetHeight(Dim.Fill(3));
            _inner = width - data.ThreadsWidth - Box.Chrome;
            _rows = data.EventsHeight - eventsHeight - 2;
        }

        _width = width;
        _dialog.Visible = data is not null && _state.LessonScreen.Dialog is not null;
        Show();
        return eventRows;
    }

    private void Show()
    {
        if (_pane.Visible)
        {
            _pane.Title = LessonPaneView.Title(_state, _inner);
            var lines = LessonPaneView.Lines(_state, _inner);
            _total = lines.Count;
            if (_state.LessonScreen.ScrollToCheckpoint > 0 && LessonPaneView.LineOfCheckpoint(lines, _state.LessonScreen.ScrollToCheckpoint) is var line and >= 0)
            {
                // The checkpoint just asked, with the text before it that leads to it (a third of the pane).
                _state.LessonScreen.PaneScroll = Math.Max(0, line - (_rows / 3));
                _state.LessonScreen.ScrollToCheckpoint = 0;
            }

            _state.LessonScreen.PaneScroll = Math.Clamp(_state.LessonScreen.PaneScroll, 0, Math.Max(0, _total - _rows));
            _paneLines.Lines = lines.Skip(_state.LessonScreen.PaneScroll).ToArray();
        }

        if (_state.LessonScreen.Dialog is { } dialog && _dialog.Visible)
        {
            var dialogWidth = Math.Min(76, _width - 8);
            var lines = LessonDialogView.Lines(_state, dialog, dialogWidth - Box.Chrome);
            _dialog.Title = LessonDialogView.Title(dialog);
            _dialog.SetWidth(dialogWidth);
            _dialog.SetHeight(lines.Count + 2);
            _dialogLines.Lines = lines;
        }
    }

    /// <summary>Disposes the views not added to a screen (a screen disposes the views it holds).</summary>
    public void Dispose()
    {
        Judge.Cancel();
        foreach (var view in new View[] { _pane, _dialog })
        {
            if (view.SuperView is null)
            {
                view.Dispose();
            }
        }
    }
}
