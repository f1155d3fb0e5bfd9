using IpcLab.Core.Sessions;
using IpcLab.Tui.App;
using IpcLab.Tui.Gui;
using IpcLab.Tui.Tests.Gui;
using Terminal.Gui.Input;

namespace IpcLab.Tui.Tests.App;

/// <summary>
/// Drives the run screen (Terminal.Gui, headless, 120x40 unless told) with keys as a terminal
/// reports them, through Terminal.Gui's input injection. A null key is an idle poll: the virtual
/// clock moves one tick, so auto-run is deterministic. <c>Frames[0]</c> is the screen before the
/// first key and <c>Frames[i]</c> the screen after the i-th key read.
/// </summary>
internal sealed class TuiHarness : IDisposable
{
    private readonly GuiHarness _gui;

    public TuiHarness(TuiState state, string? workingDirectory = null, int width = 120, int height = 40)
    {
        _gui = new GuiHarness(state, width, height, workingDirectory);
        Frames.Add(_gui.Text);
    }

    public TuiState State => _gui.State;

    public Session Session => State.Session ?? throw new InvalidOperationException("no program is open");

    /// <summary>The screen after every key read, the first before any.</summary>
    public List<string> Frames { get; } = [];

    /// <summary>The screen as it is now.</summary>
    public string Frame => _gui.Text;

    /// <summary>True once a key asked the program to end (q confirmed, Ctrl-C).</summary>
    public bool Quit => _gui.Screen.StopRequested;

    /// <summary>Opens FILE exactly as <c>ipclab tui FILE --at N</c> does.</summary>
    public static TuiHarness Open(string? file, int? at = null, string? workingDirectory = null) =>
        new(TuiVerb.Open(file, at), workingDirectory);

    /// <summary>Presses these keys until one quits; returns 0 when the program was asked to end, -1 when it still runs.</summary>
    public int Run(params IEnumerable<ConsoleKeyInfo?>[] keys)
    {
        var idle = 0;
        foreach (var key in keys.SelectMany(k => k))
        {
            if (Quit)
            {
                break;
            }

            if (key is not { } pressed)
            {
                idle++;
                continue;
            }

            // A run of idle ticks is drawn once at its end (each tick still runs the timers).
            if (idle > 0)
            {
                _gui.Wait(idle * GuiTui.AutoRunTickMs);
                idle = 0;
            }

            _gui.Press(ToKey(pressed));
            Frames.Add(_gui.Text);
        }

        if (idle > 0 && !Quit)
        {
            _gui.Wait(idle * GuiTui.AutoRunTickMs);
        }

        return Quit ? 0 : -1;
    }

    /// <summary>Types the text (see <see cref="Keys"/>); returns as <see cref="Run"/>.</summary>
    public int Type(string text) => Run(Keys(text));

    /// <summary>The terminal resized, then drawn.</summary>
    public void Resize(int width, int height) => _gui.Resize(width, height);

    public void Dispose() => _gui.Dispose();

    /// <summary>The keys that type <paramref name="text"/>: ' ' is space, '\r' Enter, '\x1b' Esc, '\b' Backspace, '\x03' Ctrl-C, '\x1a' Ctrl-Z.</summary>
    public static IEnumerable<ConsoleKeyInfo?> Keys(string text) => text.Select(c => (ConsoleKeyInfo?)GuiKeys.FromChar(c));

    /// <summary>A key with no character of its own (arrows, Home, Enter...).</summary>
    public static IEnumerable<ConsoleKeyInfo?> Press(ConsoleKey key, int times = 1) =>
        Enumerable.Repeat((ConsoleKeyInfo?)new ConsoleKeyInfo('\0', key, shift: false, alt: false, control: false), times);

    /// <summary><paramref name="polls"/> ticks of the clock with no key.</summary>
    public static IEnumerable<ConsoleKeyInfo?> Idle(int polls) => Enumerable.Repeat((ConsoleKeyInfo?)null, polls);

    private static Key ToKey(ConsoleKeyInfo key) => key.Key switch
    {
        _ when key.KeyChar == '\x03' => Key.C.WithCtrl,
        _ when key.KeyChar == '\x1a' => Key.Z.WithCtrl,
        ConsoleKey.Enter => Key.Enter,
        ConsoleKey.Escape => Key.Esc,
        ConsoleKey.Backspace => Key.Backspace,
        ConsoleKey.Spacebar => Key.Space,
        ConsoleKey.Tab => Key.Tab,
        ConsoleKey.UpArrow => Key.CursorUp,
        ConsoleKey.DownArrow => Key.CursorDown,
        ConsoleKey.LeftArrow => Key.CursorLeft,
        ConsoleKey.RightArrow => Key.CursorRight,
        ConsoleKey.Home => Key.Home,
        ConsoleKey.End => Key.End,
        ConsoleKey.PageUp => Key.PageUp,
        ConsoleKey.PageDown => Key.PageDown,
        ConsoleKey.F1 => Key.F1,
        _ => new Key(key.KeyChar),
    };
}
