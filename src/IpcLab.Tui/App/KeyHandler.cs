using IpcLab.Core.Model;
using IpcLab.Core.Script;

namespace IpcLab.Tui.App;

/// <summary>
/// Turns one key into a change of the TUI state (and, through the session, of the kernel), and
/// says what happened in <see cref="TuiState.Status"/>. The loop redraws after every key.
/// Ctrl-C quits at once from anywhere; q quits, and first asks when the open run has steps not
/// saved; Esc closes a prompt or help, goes back from a run to the programs (asking the same), and
/// never leaves the program.
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

        if (_state.Prompt is PromptKind.ConfirmQuit or PromptKind.ConfirmBack)
        {
            return Confirm(key);
        }

        if (_state.Prompt != PromptKind.None && _state.Session is not null)
        {
            _prompts.Handle(key);
            return false;
        }

        if (key.KeyChar == 'q')
        {
            return Leave(PromptKind.ConfirmQuit);
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
                if (key.Key == ConsoleKey.Escape)
                {
                    _state.Status = "this is the list of programs: Enter opens one, q quits";
                    return false;
                }

                return StartKey(key);
            default:
                if (key.Key == ConsoleKey.Escape || key.KeyChar == 'm')
                {
                    return Leave(PromptKind.ConfirmBack);
                }

                _run.Handle(key);
                return false;
        }
    }

    /// <summary>A click on a thread: runs it (or says why it cannot run); while a signal asks which waiter to wake, wakes that one.</summary>
    public void ClickThread(int thread)
    {
        if (_state.Session is null || _state.Screen != Screen.Run)
        {
            return;
        }

        if (_state.Prompt == PromptKind.WakeChoice)
        {
            _prompts.Wake(thread);
        }
        else if (_state.Prompt == PromptKind.None)
        {
            _run.RunThread(thread);
        }
    }

    /// <summary>A click on an event: the run goes to the step of that event.</summary>
    public void ClickStep(int step)
    {
        if (_state.Session is not { } session || _state.Screen != Screen.Run || _state.Prompt != PromptKind.None)
        {
            return;
        }

        _state.Running = false;
        session.GoTo(step);
        _state.Status = StatusText.AtStep(session);
    }

    /// <summary>One auto-run step (the loop calls it every <see cref="TuiState.SpeedMs"/> while running).</summary>
    public void AutoStep()
    {
        if (_state.Session is not null)
        {
            _run.AutoStep();
        }
    }

    /// <summary>q (quit) or Esc / m (back to the programs): at once when nothing would be lost, else asks first.</summary>
    private bool Leave(PromptKind confirm)
    {
        var onRun = _state.Screen == Screen.Run || (_state.Screen == Screen.Help && _state.ScreenBeforeHelp == Screen.Run);
        var unsaved = onRun ? _state.UnsavedSteps : 0;
        if (unsaved == 0)
        {
            if (confirm == PromptKind.ConfirmQuit)
            {
                return true;
            }

            BackToPrograms();
            return false;
        }

        _state.Screen = Screen.Run;
        var what = confirm == PromptKind.ConfirmQuit ? "quit" : "go back to the programs";
        _prompts.Open(confirm, "", $"the {unsaved} step{(unsaved == 1 ? "" : "s")} of this run are not saved: y to {what} without saving, S saves first, n or Esc stays");
        return false;
    }

    private bool Confirm(ConsoleKeyInfo key)
    {
        var confirm = _state.Prompt;
        _state.Prompt = PromptKind.None;
        switch (key.KeyChar)
        {
            case 'y' or 'Y' when confirm == PromptKind.ConfirmQuit:
                return true;
            case 'y' or 'Y':
                BackToPrograms();
                return false;
            case 'S' or 's':
                var then = confirm == PromptKind.ConfirmQuit ? "q" : "Esc";
                _prompts.Open(PromptKind.SaveAs, RunFiles.DefaultSaveName(_state.FileName), $"save as: edit the name, Enter saves the whole run, then {then} leaves (Esc cancels)");
                return false;
            default:
                _state.Status = $"stayed: nothing changed (step {_state.Session?.Position ?? 0})";
                return false;
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
        LessonOpener.Leave(_state);
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
        _state.LessonScreen.Open = null;
        if (entry.Lesson is { } lesson)
        {
            LessonOpener.Open(_state, lesson);
            return;
        }

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
