using System.Globalization;
using System.Text.RegularExpressions;
using IpcLab.Tui.App;
using IpcLab.Tui.Views;
using Terminal.Gui.Drawing;
using Terminal.Gui.Input;
using Terminal.Gui.Time;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace IpcLab.Tui.Gui;

/// <summary>
/// The run screen on Terminal.Gui: a header, the threads, objects, findings and events panels and
/// the status lines, each showing the view data of <see cref="RunScreenData"/>. Keys go to the same <see cref="KeyHandler"/>; a click on a thread runs it
/// (or picks it as the waiter to wake), a click on an event goes to its step. Auto-run is a timer.
/// </summary>
internal sealed partial class GuiRunScreen : Runnable
{
    private readonly TuiState _state;
    private readonly KeyHandler _keys;
    private readonly MarkupLinesView _header = new() { X = 0, Y = 1, Width = Dim.Fill(), Height = 1 };
    private readonly MarkupLinesView _page = new() { X = 1, Y = 2, Width = Dim.Fill(1), Height = Dim.Fill(2) };
    private readonly MarkupLinesView _status = new() { X = 0, Y = Pos.AnchorEnd(2), Width = Dim.Fill(), Height = 2 };
    private readonly FrameView _threads = Panel("Threads");
    private readonly FrameView _objects = Panel("Objects");
    private readonly FrameView _findings = Panel("Findings");
    private readonly FrameView _events = Panel("Events · newest last");
    private readonly MarkupLinesView _threadLines = Inside();
    private readonly MarkupLinesView _objectLines = Inside();
    private readonly MarkupLinesView _findingLines = Inside();
    private readonly MarkupLinesView _eventLines = Inside();
    private readonly GuiPromptDialog _dialog;
    private readonly GuiLessonPane _lesson;
    private readonly GuiTimelineView _timeline;
    private readonly GuiHintBar _hintBar;
    private readonly View _menu;
    private object? _timer;
    private int _threadsRightColumn;
    private DateTime _lastAutoStep;

    /// <summary>What Ctrl-Z does (<see cref="GuiTui"/> gives it; without it Ctrl-Z only pauses).</summary>
    public JobSuspension? Suspension { get; set; }

    /// <summary>The clock auto-run measures its interval on (the application's; tests pass their virtual one).</summary>
    public ITimeProvider Clock { get; set; } = new SystemTimeProvider();

    public GuiRunScreen(TuiState state, KeyHandler keys)
    {
        _state = state;
        _keys = keys;
        Width = Dim.Fill();
        Height = Dim.Fill();
        CanFocus = true;
        _threads.X = 0;
        _threads.Y = 2;
        _threads.Height = Dim.Fill(3);
        _objects.Y = 2;
        _objects.X = Pos.Right(_threads);
        _objects.Width = Dim.Fill();
        _findings.X = Pos.Right(_threads);
        _findings.Y = Pos.Bottom(_objects);
        _findings.Width = Dim.Fill();
        _events.X = Pos.Right(_threads);
        _events.Y = Pos.Bottom(_findings);
        _events.Width = Dim.Fill();
        _events.Height = Dim.Fill(3);
        _threads.Add(_threadLines);
        _objects.Add(_objectLines);
        _findings.Add(_findingLines);
        _events.Add(_eventLines);
        _dialog = new GuiPromptDialog(PressKeys);
        _timeline = new GuiTimelineView(step =>
        {
            if (Searching)
            {
                return;
            }

            _keys.ClickStep(step);
            Refresh();
        }) { X = 0, Y = Pos.AnchorEnd(3), Width = Dim.Fill() };
        _menu = GuiMenu.Build(Press, ChooseTheme, ShowLegend, OpenFile);
        _hintBar = new GuiHintBar(Press) { X = 0, Y = Pos.AnchorEnd(1), Width = Dim.Fill() };
        ChooseFile = ChooseWithDialog;
        Add(_menu, _header, _page, StartList, _help, _threads, _objects, _findings, _events, _timeline, _status, _hintBar);
        _lesson = new GuiLessonPane(state, Environment.CurrentDirectory, work => App?.Invoke(() =>
        {
            work();
            Refresh();
        }));
        _lesson.AddTo(this);
        AddBrokerPane();
        // Added last, so drawn on top: a view added after it (the lesson pane, the broker page)
        // would be drawn over the prompt wherever the two overlap.
        Add(_dialog);
        _threadLines.MouseEvent += (_, mouse) => OnClick(mouse, row => ThreadAt(_threadLines.Lines, row, mouse.Position!.Value.X, _threadsRightColumn), _keys.ClickThread);
        _eventLines.MouseEvent += (_, mouse) =>
        {
            OnWheel(mouse);
            OnClick(mouse, row => StepAt(_eventLines.Lines, row), _keys.ClickStep);
        };
        _threadLines.MouseEvent += (_, mouse) => OnPanelWheel(mouse, ScrollThreads);
        _objectLines.MouseEvent += (_, mouse) =>
        {
            OnPanelWheel(mouse, ScrollObjects);
            OnClick(mouse, row => MessageAt(_objectLines.Lines, row, mouse.Position!.Value.X), OpenPathFromObjects);
        };
        ViewportChanged += (_, _) => Refresh();
    }

    /// <summary>The lesson pane and its dialog (tests reach its challenge judge).</summary>
    internal GuiLessonPane LessonPane => _lesson;

    /// <summary>Recomputes the view data for the current size and state, and shows it (below the menu bar's row).</summary>
    public void Refresh()
    {
        var width = Viewport.Width;
        var height = Viewport.Height;
        if (width <= 0 || height <= 1)
        {
            return;
        }

        EnsureTimer();
        LessonPauses.Check(_state);
        var tooSmall = width < TooSmallView.MinWidth || height < TooSmallView.MinHeight;
        if (tooSmall && _state.Running)
        {
            _state.Running = false;
            _state.Status = $"paused: the window was {width}x{height}, too small to draw the run (r runs on)";
        }

        var onRun = !tooSmall && _state.Screen == Screen.Run && _state.Session is not null;
        foreach (var panel in new View[] { _threads, _objects, _findings, _events, _timeline })
        {
            // The findings panel keeps its visibility until the view data says (below): hiding and
            // showing it again on every key would lay out and draw the whole screen each time.
            panel.Visible = onRun && (panel != _findings || panel.Visible);
        }

        _page.Visible = !onRun;
        _broker.Visible &= onRun;
        StartList.Visible = false;
        if (!onRun)
        {
            _lesson.Place(null, width, height, 0, _events);
        }

        _dialog.Show(!onRun ? null : BugDialog() ?? PromptDialogData.Of(_state), width);
        if (tooSmall || _state.Screen != Screen.Help)
        {
            ShowHelp(null);
        }

        if (tooSmall)
        {
            _header.Lines = [];
            // The page starts on row 2 (below the menu bar and the header), one column in from either edge.
            _page.Lines = TooSmallView.Lines(width, height, 2, width - 2);
            ShowStatus("", "");
            return;
        }

        if (!onRun)
        {
            ShowPage(width);
            return;
        }

        // Below the menu bar's row; above the status lines, the timeline's row.
        var column = _lesson.ColumnFor(width);
        var data = RunScreenData.Build(_state, _state.Session!, width - column, height - 2);
        foreach (var panel in new View[] { _objects, _findings, _events })
        {
            panel.SetWidth(Dim.Fill(column));
        }

        _timeline.Show(_state.Session!, width);
        _header.Lines = [data.Header];
        _threads.SetWidth(data.ThreadsWidth);
        _threadsRightColumn = data.ThreadsRightColumn;
        _threads.Title = ThreadsTitle();
        _threadLines.Lines = data.Threads;
        _objects.SetHeight(data.ObjectsHeight);
        _objectLines.Lines = data.Objects;
        _findings.Visible = data.Findings is not null;
        _findings.SetHeight(data.FindingsHeight);
        _findingLines.Lines = data.Findings ?? [];
        var eventRows = _lesson.Place(data, width, height, column, _events);
        _eventLines.Lines = _showOutput ? OutputView.Lines(_state.Session!.Kernel, width - column - data.ThreadsWidth - Box.Chrome, eventRows)
            : data.Events.Count > eventRows ? data.Events.Skip(data.Events.Count - eventRows).ToArray() : data.Events;
        _events.Title = _showOutput ? OutputTitle : "Events · newest last";
        _hints = StatusBarView.KeysFor(_state, width - column);
        if (ShowBroker(onRun, width, height, column))
        {
            // The page's own hints in place of the run's (the line shows them only when the status left it free).
            _hints = StatusBarView.BrokerPageKeysFor(width - column);
            var (status, keys) = StatusBarView.Lines(_state, width - column, _hints);
            ShowStatus(status, keys);
            return;
        }

        ShowStatus(data.Status, data.Keys);
    }

    protected override bool OnKeyDown(Key key)
    {
        if (HelpKey(key))
        {
            return true;
        }

        if (_lesson.OnKey(key))
        {
            Refresh();
            return true;
        }

        if (GuiKeys.ToConsoleKey(key) is not { } consoleKey)
        {
            return false;
        }

        Handle(consoleKey);
        return true;
    }

    /// <summary>A menu item: the key it names.</summary>
    private void Press(char key) => Handle(GuiKeys.FromChar(key));

    private void Handle(ConsoleKeyInfo consoleKey)
    {
        // A lesson's dialog takes the keys (GuiLessonPane); a menu item must not step the run under its question either.
        if (_state.LessonScreen.Dialog is not null && consoleKey.KeyChar != '\x03')
        {
            Refresh();
            return;
        }

        if (ScreenKey(consoleKey))
        {
            return;
        }

        _state.EventsScrolledBack = 0;
        _state.ThreadsScrolled = 0;
        _state.ObjectsScrolled = 0;
        if (consoleKey.KeyChar == '\x1a')
        {
            _state.Running = false;
            _state.Status = JobSuspension.Supported ? "back after Ctrl-Z (the run was paused)" : "Ctrl-Z suspends only on Linux and macOS: q quits";
            if (Suspension is { } suspension && App is { } app)
            {
                // Gives the terminal back and stops the job; fg continues here, and the next iteration draws it all again.
                suspension.Suspend(app);
            }
        }
        else if (_keys.Handle(consoleKey))
        {
            App?.RequestStop();
            return;
        }

        Refresh();
    }

    private static FrameView Panel(string title) => new() { Title = title, BorderStyle = LineStyle.Rounded, CanFocus = false };

    private static MarkupLinesView Inside() => new() { X = 1, Y = 0, Width = Dim.Fill(1), Height = Dim.Fill() };

    /// <summary>
    /// The thread a click at (<paramref name="x"/>, <paramref name="row"/>) of the threads panel names (the
    /// header line "› 2 producer-2 …" above it in its column), or -1; the right column starts at
    /// <paramref name="rightColumn"/> (0: one column), and a click on the rule between the columns names none.
    /// </summary>
    private static int ThreadAt(IReadOnlyList<string> lines, int row, int x, int rightColumn)
    {
        if (rightColumn > 0 && x >= rightColumn - ThreadColumns.Gap && x < rightColumn)
        {
            return -1;
        }

        var column = rightColumn > 0 && x >= rightColumn ? rightColumn : 0;
        for (var r = Math.Min(row, lines.Count - 1); r >= 0; r--)
        {
            var plain = MarkupRuns.Plain(lines[r]);
            var match = ThreadHeader().Match(column < plain.Length ? plain[column..] : column == 0 ? plain : "");
            if (match.Success)
            {
                return int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) - 1;
            }
        }

        return -1;
    }

    /// <summary>The step of the event a row of the events panel shows (a wrapped sentence: the row above it), or -1.</summary>
    private static int StepAt(IReadOnlyList<string> lines, int row)
    {
        for (var r = Math.Min(row, lines.Count - 1); r >= 0; r--)
        {
            var match = EventStep().Match(MarkupRuns.Plain(lines[r]));
            if (match.Success)
            {
                return int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
            }
        }

        return -1;
    }

    [GeneratedRegex(@"^[› ] (\d+) \S")]
    private static partial Regex ThreadHeader();

    [GeneratedRegex(@"^[• ]\s*(\d+)  \S")]
    private static partial Regex EventStep();

    /// <summary>The wheel over the events: back through older events, and forward to the newest.</summary>
    private void OnWheel(Mouse mouse)
    {
        if (_state.Session is not { } session || !mouse.IsWheel)
        {
            return;
        }

        var back = _state.EventsScrolledBack + (mouse.Flags.HasFlag(MouseFlags.WheeledUp) ? 1 : mouse.Flags.HasFlag(MouseFlags.WheeledDown) ? -1 : 0);
        _state.EventsScrolledBack = Math.Clamp(back, 0, Math.Max(0, session.Kernel.Events.Count - 1));
        mouse.Handled = true;
        Refresh();
    }

    private void OnClick(Mouse mouse, Func<int, int> target, Action<int> act)
    {
        if (!mouse.Flags.HasFlag(MouseFlags.LeftButtonClicked) || _state.LessonScreen.Dialog is not null || Searching)
        {
            return;
        }

        var index = target(mouse.Position!.Value.Y);
        if (index >= 0)
        {
            act(index);
            Refresh();
        }

        mouse.Handled = true;
    }

    /// <summary>The list of programs and the help, as plain pages until they get views of their own.</summary>
    private void ShowPage(int width)
    {
        var title = _state.Screen == Screen.Help ? (_showLegend ? "symbols" : "keys") : "programs";
        _header.Lines = [new MarkupLine(width).Add("IpcLab", "bold cyan").Add(" · ", Palette.Dim).Add(title, Palette.Title).ToString()];
        var lines = new List<string>();
        if (_state.Screen == Screen.Help)
        {
            // The keys one column narrower, for the scroll bar; the legend is laid out to fit the page.
            ShowHelp([.. HelpLines(_showLegend ? width - 2 : width - 3)]);
        }
        else
        {
            ShowStartList(width);
        }

        _page.Lines = lines;
        _hints = _state.Screen == Screen.Help ? HelpHints : StatusBarView.KeysFor(_state, width);
        var (status, keys) = StatusBarView.Lines(_state, width, _hints);
        ShowStatus(status, keys);
    }

    /// <summary>Auto-run: a tick every poll interval of the application's clock (virtual in tests); a step once the speed's interval has passed.</summary>
    private void EnsureTimer()
    {
        if (_timer is not null || App is null)
        {
            return;
        }

        // The interval is measured on the clock, not counted in ticks: on a loaded machine the
        // ticks come later than asked, and counting them ran several times slower than the speed.
        _timer = App.AddTimeout(TimeSpan.FromMilliseconds(GuiTui.AutoRunTickMs), () =>
        {
            var now = Clock.Now;
            if (!_state.Running || _state.Prompt != PromptKind.None)
            {
                _lastAutoStep = now;
            }
            else if ((now - _lastAutoStep).TotalMilliseconds >= _state.SpeedMs)
            {
                _lastAutoStep = now;
                _keys.AutoStep();
                Refresh();
            }

            return true;
        });
    }
}
