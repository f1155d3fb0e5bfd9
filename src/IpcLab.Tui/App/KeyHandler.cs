using IpcLab.Core.Model;
using IpcLab.Core.Script;

namespace IpcLab.Tui.App;

/// <summary>
/// Turns one key into a change of the TUI state (and, through the session, of the kernel), and
/// says what happened in <see cref="TuiState.Status"/>. The loop redraws after every key.
/// Ctrl-C and q quit from anywhere; Esc closes a prompt or help, and otherwise quits.
/// </summary>
public sealed class KeyHandler
{
    private readonly TuiState _state;
    private readonly PromptKeys _prompts;
    private readonly RunKeys _run;
    private readonly Func<string, CompiledProgram> _loadScript;

    /// <param name="state">The state the keys change.</param>
    /// <param name="workingDirectory">Where a run is saved when its name is not a full path.</param>
    /// <param name="loadScript">Reads and compiles the program Enter opens (<see cref="RunFiles.LoadScript"/>; tests pass one that fails).</param>
    public KeyHandler(TuiState state, string workingDirectory, Func<string, CompiledProgram>? loadScript = null)
    {
        _state = state;
        _loadScript = loadScript ?? RunFiles.LoadScript;
        _prompts = new PromptKeys(state, workingDirectory);
        _run = new RunKeys(state, _prompts);
    }

    /// <summary>Handles one key; returns true when the program should quit.</summary>
    public bool Handle(ConsoleKeyInfo key)
    {
        if (key.KeyChar == '\x03' || (key.Key == ConsoleKey.C && key.Modifiers.HasFlag(ConsoleModifiers.Control)))
        {
            return true;
        }

        if (_state.Prompt != PromptKind.None && _state.Session is not null)
        {
            _prompts.Handle(key);
            return false;
        }

        if (key.KeyChar == 'q')
        {
            return true;
        }

        if (key.KeyChar == '?' || key.Key == ConsoleKey.F1)
        {
            ToggleHelp();
            return false;
        }

        switch (_state.Screen)
        {
            case Screen.Help:
                if (key.Key == ConsoleKey.Escape)
                {
                    ToggleHelp();
                }

                return false;
            case Screen.Start:
                return key.Key == ConsoleKey.Escape || StartKey(key);
            default:
                if (key.Key == ConsoleKey.Escape)
                {
                    return true;
                }

                if (key.KeyChar == 'm')
                {
                    BackToPrograms();
                    return false;
                }

                _run.Handle(key);
                return false;
        }
    }

    /// <summary>One auto-run step (the loop calls it every <see cref="TuiState.SpeedMs"/> while running).</summary>
    public void AutoStep()
    {
        if (_state.Session is not null)
        {
            _run.AutoStep();
        }
    }

    private void ToggleHelp()
    {
        if (_state.Screen == Screen.Help)
        {
            _state.Screen = _state.ScreenBeforeHelp;
            return;
        }

        _state.ScreenBeforeHelp = _state.Screen;
        _state.Screen = Screen.Help;
        _state.Running = false;
    }

    /// <summary>m: leave the open program for the list (the program's run is dropped; S saves it first).</summary>
    private void BackToPrograms()
    {
        _state.Running = false;
        _state.Screen = Screen.Start;
        _state.Status = _state.Lessons.Count == 0
            ? "no lessons/ folder here: q quits (open a file with: ipclab tui FILE)"
            : "back to the programs: ↑/↓ choose, Enter opens";
    }

    private bool StartKey(ConsoleKeyInfo key)
    {
        var count = _state.Lessons.Count;
        switch (key.Key)
        {
            case ConsoleKey.UpArrow:
                _state.LessonIndex = Math.Max(0, _state.LessonIndex - 1);
                break;
            case ConsoleKey.DownArrow:
                _state.LessonIndex = Math.Clamp(_state.LessonIndex + 1, 0, Math.Max(0, count - 1));
                break;
            case ConsoleKey.Enter:
                OpenLesson();
                break;
            default:
                break;
        }

        return false;
    }

    private void OpenLesson()
    {
        if (_state.LessonIndex >= _state.Lessons.Count)
        {
            _state.Status = "no programs to open: there is no lessons/ folder here (try: ipclab tui FILE)";
            return;
        }

        var entry = _state.Lessons[_state.LessonIndex];
        try
        {
            var program = _loadScript(entry.Path);
            RunFiles.Show(_state, RunFiles.NewSession(program), entry.Path, StatusText.AtStart);
        }
        catch (ScriptError e)
        {
            _state.Status = e.Message;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _state.Status = $"{entry.Path}: cannot read it: {e.Message}";
        }
    }
}
