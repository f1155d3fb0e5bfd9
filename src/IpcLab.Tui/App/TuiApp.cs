using IpcLab.Tui.Views;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace IpcLab.Tui.App;

/// <summary>
/// The one key loop, on one thread, and the only code that draws:
/// a key waiting → handle it and redraw; else the size changed → redraw with a clear; else
/// auto-run is on and its interval has passed → one step and redraw; else sleep 10 ms.
/// The clock and the sleep are passed in, so tests drive auto-run without wall-clock time.
/// </summary>
public sealed class TuiApp
{
    /// <summary>How long the loop sleeps when there is nothing to do.</summary>
    public const int PollMs = 10;

    private readonly TuiState _state;
    private readonly KeyHandler _keys;
    private readonly IKeySource _source;
    private readonly ITerminal _terminal;
    private readonly LoopSignals _signals;
    private readonly Func<long> _nowMs;
    private readonly Action<int> _sleep;
    private readonly Action? _suspend;
    private readonly ILogger _log;
    private int _width = -1;
    private int _height = -1;
    private bool _wasRunning;
    private long _lastAutoStep;

    /// <param name="nowMs">A monotonic clock in milliseconds (auto-run's timer).</param>
    /// <param name="sleep">Waits the given milliseconds (the idle poll).</param>
    /// <param name="suspend">Stops the program as a shell job (Ctrl-Z); null where that is not possible.</param>
    /// <param name="log">Where the loop logs keys (trace), status lines and resizes (debug); none when null.</param>
    public TuiApp(TuiState state, KeyHandler keys, IKeySource source, ITerminal terminal, LoopSignals signals, Func<long> nowMs, Action<int> sleep, Action? suspend = null, ILogger? log = null)
    {
        _suspend = suspend;
        _log = log ?? NullLogger.Instance;
        _state = state;
        _keys = keys;
        _source = source;
        _terminal = terminal;
        _signals = signals;
        _nowMs = nowMs;
        _sleep = sleep;
    }

    /// <summary>Runs until a quit key or a quit request; returns the exit code (0 for a quit key).</summary>
    public int Run()
    {
        TuiLog.Started(_log, _terminal.Width, _terminal.Height, _state.Screen.ToString());
        var exit = Loop();
        TuiLog.Ended(_log, exit);
        return exit;
    }

    private int Loop()
    {
        Redraw(clear: true);
        while (!_signals.QuitRequested)
        {
            if (_signals.TakeRedrawRequest())
            {
                Redraw(clear: true);
            }
            else if (_source.TryReadKey(out var key))
            {
                TuiLog.Key(_log, key.Key.ToString(), key.KeyChar, key.Modifiers.ToString());
                if (IsSuspendKey(key))
                {
                    Suspend();
                    continue;
                }

                var status = _state.Status;
                if (_keys.Handle(key))
                {
                    return 0;
                }

                if (_state.Status != status)
                {
                    TuiLog.Status(_log, _state.Screen.ToString(), _state.FileName, _state.Session?.Position ?? 0, _state.Status);
                }

                Redraw(clear: false);
            }
            else if (_terminal.Width != _width || _terminal.Height != _height)
            {
                TuiLog.Resized(_log, _terminal.Width, _terminal.Height);
                Redraw(clear: true);
            }
            else if (AutoStepDue())
            {
                _keys.AutoStep();
                Redraw(clear: false);
            }
            else
            {
                _sleep(PollMs);
            }
        }

        return _signals.QuitCode;
    }

    /// <summary>True when auto-run is on and a step is due; the interval counts from when running began or the last step.</summary>
    private bool AutoStepDue()
    {
        var running = _state.Running && _state.Screen == Screen.Run && _state.Prompt == PromptKind.None && _state.Session is not null;
        var now = _nowMs();
        if (running && !_wasRunning)
        {
            _lastAutoStep = now;
        }

        _wasRunning = running;
        if (!running || now - _lastAutoStep < _state.SpeedMs)
        {
            return false;
        }

        _lastAutoStep = now;
        return true;
    }

    /// <summary>Ctrl-Z: the terminal delivers it as a key while the TUI owns it (as it does Ctrl-C).</summary>
    private static bool IsSuspendKey(ConsoleKeyInfo key) =>
        key.KeyChar == '\x1a' || (key.Key == ConsoleKey.Z && key.Modifiers.HasFlag(ConsoleModifiers.Control));

    private void Suspend()
    {
        _state.Running = false;
        if (_suspend is null)
        {
            _state.Status = "Ctrl-Z cannot suspend here: q quits";
            Redraw(clear: false);
            return;
        }

        // The terminal guard gives the screen back when the stop signal arrives and asks for a
        // full redraw when the shell continues the program (fg).
        TuiLog.Suspended(_log);
        _state.Status = "back after Ctrl-Z (the run was paused)";
        _suspend();
    }

    private void Redraw(bool clear)
    {
        _width = _terminal.Width;
        _height = _terminal.Height;
        if (_state.Running && (_width < Frame.MinWidth || _height < Frame.MinHeight))
        {
            // Nobody can follow a run that cannot be drawn: it waits for a larger window and r.
            _state.Running = false;
            _state.Status = $"paused: the window was {_width}x{_height}, too small to draw the run (r runs on)";
        }

        _terminal.Draw(Frame.Build(_state, _width, _height), _width, _height, clear);
    }
}
