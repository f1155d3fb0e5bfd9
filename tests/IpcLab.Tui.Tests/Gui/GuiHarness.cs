using System.Drawing;
using System.Text;
using IpcLab.Tui.App;
using IpcLab.Tui.Gui;
using Terminal.Gui.App;
using Terminal.Gui.Input;
using Terminal.Gui.Testing;
using Terminal.Gui.Time;

namespace IpcLab.Tui.Tests.Gui;

/// <summary>
/// The Terminal.Gui run screen without a terminal: the ANSI driver at a fixed size, virtual time
/// (auto-run advances only when the test says so), keys and mouse clicks through Terminal.Gui's
/// input injection, and the screen read back cell by cell as text.
/// </summary>
internal sealed class GuiHarness : IDisposable
{
    private readonly IApplication _app;
    private readonly SessionToken? _token;

    public GuiHarness(TuiState state, int width, int height, string? workingDirectory = null)
    {
        State = state;
        _app = Application.Create(Time);
        _app.Init("ansi");
        _app.Driver!.SetScreenSize(width, height);
        Screen = new GuiRunScreen(state, new KeyHandler(state, workingDirectory ?? Path.GetTempPath())) { Clock = Time };
        // A fix challenge is judged where it is pressed, so a test reads the verdict right after Enter
        // (GuiChallengeJudgingTests start it elsewhere on purpose).
        Screen.LessonPane.Judge.Start = work =>
        {
            work();
            return Task.CompletedTask;
        };
        // The same for find the bug (GuiFindBugTests complete the search from the test where they need to).
        Screen.BugSearch.Start = work =>
        {
            work();
            return Task.CompletedTask;
        };
        _token = _app.Begin(Screen);
        Draw();
    }

    public VirtualTimeProvider Time { get; } = new();

    public TuiState State { get; }

    internal GuiRunScreen Screen { get; }

    /// <summary>The screen as text, one line a row, trailing blanks trimmed.</summary>
    public string Text
    {
        get
        {
            var cells = _app.Driver!.Contents!;
            var lines = new List<string>();
            for (var r = 0; r < cells.GetLength(0); r++)
            {
                var line = new StringBuilder();
                for (var c = 0; c < cells.GetLength(1); c++)
                {
                    line.Append(cells[r, c].Grapheme);
                }

                lines.Add(line.ToString().TrimEnd());
            }

            return string.Join("\n", lines);
        }
    }

    /// <summary>
    /// The screen with its colours: each row's text, then its cells' styles run by run ("A12 B3":
    /// 12 cells of style A, 3 of B), then what each letter stands for (foreground, background, text style).
    /// </summary>
    public string StyledText
    {
        get
        {
            var cells = _app.Driver!.Contents!;
            var styles = new List<string>();
            var rows = Text.Split('\n');
            var lines = new List<string>();
            for (var r = 0; r < cells.GetLength(0); r++)
            {
                var runs = new StringBuilder();
                var (letter, count) = ('\0', 0);
                for (var c = 0; c < cells.GetLength(1); c++)
                {
                    var a = cells[r, c].Attribute;
                    var style = a is { } x ? $"{x.Foreground} on {x.Background} {x.Style}" : "none";
                    var index = styles.IndexOf(style);
                    if (index < 0)
                    {
                        styles.Add(style);
                        index = styles.Count - 1;
                    }

                    var l = (char)('A' + index);
                    if (l != letter && count > 0)
                    {
                        runs.Append(' ').Append(letter).Append(count);
                        count = 0;
                    }

                    letter = l;
                    count++;
                }

                runs.Append(' ').Append(letter).Append(count);
                lines.Add(rows[r]);
                lines.Add("   styles:" + runs);
            }

            lines.AddRange(styles.Select((style, i) => $"{(char)('A' + i)} = {style}"));
            return string.Join("\n", lines);
        }
    }

    /// <summary>The foreground and background colours of every cell on the screen.</summary>
    public IEnumerable<Terminal.Gui.Drawing.Color> Colors
    {
        get
        {
            var cells = _app.Driver!.Contents!;
            foreach (var cell in cells)
            {
                if (cell.Attribute is { } a)
                {
                    yield return a.Foreground;
                    yield return a.Background;
                }
            }
        }
    }

    public void Press(Key key)
    {
        _app.InjectKey(key);
        Draw();
    }

    /// <summary>Types the text: ' ' is space, '\r' Enter, '\x1b' Esc.</summary>
    public void Type(string text)
    {
        foreach (var c in text)
        {
            Press(KeyOf(c));
        }
    }

    /// <summary>
    /// Types the text as keys that all arrive before the screen is drawn again (typed faster than it
    /// follows): each is handled as it comes, and the screen is drawn once, after the last.
    /// </summary>
    public void TypeBeforeTheNextFrame(string text)
    {
        foreach (var c in text)
        {
            _app.InjectKey(KeyOf(c));
        }

        Draw();
    }

    private static Key KeyOf(char c) => c switch { ' ' => Key.Space, '\r' => Key.Enter, '\x1b' => Key.Esc, _ => new Key(c) };

    public void Click(int column, int row)
    {
        _app.InjectMouse(new Mouse { ScreenPosition = new Point(column, row), Flags = MouseFlags.LeftButtonClicked });
        Draw();
    }

    /// <summary>Any mouse event at a cell of the screen (a press, a move with the button held, a release).</summary>
    public void Mouse(int column, int row, MouseFlags flags)
    {
        _app.InjectMouse(new Mouse { ScreenPosition = new Point(column, row), Flags = flags });
        Draw();
    }

    public void Wheel(int column, int row, MouseFlags direction)
    {
        _app.InjectMouse(new Mouse { ScreenPosition = new Point(column, row), Flags = direction });
        Draw();
    }

    /// <summary>A press and a release of the left button, as a terminal reports a click (menus act on these).</summary>
    public void PressAndRelease(int column, int row)
    {
        _app.InjectMouse(new Mouse { ScreenPosition = new Point(column, row), Flags = MouseFlags.LeftButtonPressed });
        _app.InjectMouse(new Mouse { ScreenPosition = new Point(column, row), Flags = MouseFlags.LeftButtonReleased });
        Draw();
    }

    /// <summary>The terminal resized to <paramref name="width"/> x <paramref name="height"/>, then drawn.</summary>
    public void Resize(int width, int height)
    {
        _app.Driver!.SetScreenSize(width, height);
        Draw();
    }

    /// <summary>Moves the virtual clock on (timers such as auto-run fire), then draws.</summary>
    public void Wait(int ms)
    {
        for (var i = 0; i < ms / GuiTui.AutoRunTickMs; i++)
        {
            Time.Advance(TimeSpan.FromMilliseconds(GuiTui.AutoRunTickMs));
            _app.TimedEvents!.RunTimers();
        }

        Draw();
    }

    /// <summary>As <see cref="Wait"/>, but the timers fire only every <paramref name="tickMs"/> (a loaded machine).</summary>
    public void WaitWithLateTicks(int ms, int tickMs)
    {
        for (var i = 0; i < ms / tickMs; i++)
        {
            Time.Advance(TimeSpan.FromMilliseconds(tickMs));
            _app.TimedEvents!.RunTimers();
        }

        Draw();
    }

    /// <summary>The colours and text style of one cell of the screen.</summary>
    public Terminal.Gui.Drawing.Attribute? AttributeAt(int column, int row) => _app.Driver!.Contents![row, column].Attribute;

    /// <summary>The row and column where a text first appears on the screen.</summary>
    public (int Column, int Row) Find(string text)
    {
        var lines = Text.Split('\n');
        for (var r = 0; r < lines.Length; r++)
        {
            var c = lines[r].IndexOf(text, StringComparison.Ordinal);
            if (c >= 0)
            {
                return (c, r);
            }
        }

        throw new InvalidOperationException($"'{text}' is not on the screen:\n{Text}");
    }

    public void Dispose()
    {
        if (_token is not null)
        {
            _app.End(_token);
        }

        _app.Dispose();
    }

    // Layout makes the size known, the screen then computes its panels; a second pass places them.
    private void Draw()
    {
        _app.LayoutAndDraw(true);
        Screen.Refresh();
        _app.LayoutAndDraw(true);
    }
}
