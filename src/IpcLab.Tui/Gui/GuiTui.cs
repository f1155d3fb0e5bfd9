using System.Runtime.InteropServices;
using IpcLab.Tui.App;
using Microsoft.Extensions.Logging;
using Terminal.Gui.App;

namespace IpcLab.Tui.Gui;

/// <summary>
/// Runs the Terminal.Gui screen, the interactive UI, on the real terminal (ipclab, ipclab tui, make run).
/// Terminal.Gui logs through the command's logger (the --log file, or nowhere), never the screen.
/// </summary>
public static class GuiTui
{
    /// <summary>How often Terminal.Gui's main loop takes the keys waiting for it (and draws what changed).</summary>
    public const int IterationsPerSecond = 100;

    /// <summary>How often the run screen looks whether auto-run's next step is due.</summary>
    public const int AutoRunTickMs = 10;

    /// <param name="theme">The theme given with --theme (then remembered), or null for the remembered one (see <see cref="ThemeFile"/>).</param>
    public static int Run(TuiState state, ILogger log, ScreenTheme? theme = null)
    {
        Logging.Logger = log;
        // SIGTERM, SIGHUP, SIGQUIT end the process by their default action, past Terminal.Gui's
        // own shutdown: give the terminal back first (SIGKILL cannot be caught; `reset` is the fallback).
        var ending = false;
        using var ended = EndingSignals(() => ending = true);
        EventHandler leaveAgain = (_, _) =>
        {
            // When the last word could not silence standard output, the driver's output thread may
            // have drawn once more between the handler and the exit.
            if (ending)
            {
                WriteLeave();
            }
        };
        AppDomain.CurrentDomain.ProcessExit += leaveAgain;
        try
        {
            // A key waits in Terminal.Gui's queue until the main loop's next iteration: at its default
            // 25 iterations a second that was 20 ms on average, more than a frame; at 100, 5 ms, for
            // more wake-ups while idle (an iteration with nothing to do draws nothing; README, Benchmarks).
            // This is the pace when QuickInput cannot be installed; when it can, the loop waits for the key.
            Application.MaximumIterationsPerSecond = IterationsPerSecond;
            using var suspension = JobSuspension.Capture();
            using (var app = Application.Create())
            {
                using var quickInput = QuickInput.Install(app, log);
                app.Init();
                TuiLog.Started(log, app.Screen.Width, app.Screen.Height, state.Screen.ToString());
                var screen = new GuiRunScreen(state, new KeyHandler(state, Environment.CurrentDirectory)) { Suspension = suspension };
                var file = ThemeFile.ForUser();
                string? problem = null;
                screen.Theme = theme ?? file.Load(out problem);
                problem = theme is { } given ? file.Save(given) : problem;
                state.Status = problem ?? state.Status;
                screen.ThemeChosen = file.Save;
                var status = "";
                var timings = new FrameTimings(log);
                app.Keyboard.KeyDown += (_, key) => timings.KeyTaken(key);
                screen.DrawComplete += (_, _) =>
                {
                    timings.Drawn();
                    if (status != state.Status)
                    {
                        status = state.Status;
                        TuiLog.Status(log, state.Screen.ToString(), state.FileName, state.Session?.Position ?? 0, status);
                    }
                };
                app.Run(screen);
                screen.Dispose();
            }

            TuiLog.Ended(log, 0);
            return 0;
        }
        finally
        {
            AppDomain.CurrentDomain.ProcessExit -= leaveAgain;
            GiveKeysBack();
        }
    }

    private static DisposableSignals EndingSignals(Action beforeExit) => new(
        [.. new[] { PosixSignal.SIGTERM, PosixSignal.SIGHUP, PosixSignal.SIGQUIT }.Select(signal => PosixSignalRegistration.Create(signal, _ =>
        {
            beforeExit();
            TerminalLastWord.Write(LeaveSequence);
            WholeFile.RemoveUnfinished();
        }))]);

    private static void WriteLeave()
    {
        using var stdout = Console.OpenStandardOutput();
        stdout.Write(LeaveSequence);
        stdout.Flush();
    }

    /// <summary>Mouse reports and bracketed paste off (Terminal.Gui turns them on), the normal screen, the cursor, the keys in normal mode.</summary>
    private static ReadOnlySpan<byte> LeaveSequence => JobSuspension.LeaveSequence;

    /// <summary>
    /// The cursor keys and keypad back in normal mode for the shell: .NET's console switches both
    /// to application mode when it starts reading keys and Terminal.Gui does not switch them back.
    /// </summary>
    private static void GiveKeysBack()
    {
        using var stdout = Console.OpenStandardOutput();
        stdout.Write("\x1b[?1l\x1b>"u8);
        stdout.Flush();
    }
}
