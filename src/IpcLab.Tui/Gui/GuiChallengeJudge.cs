using System.Runtime.ExceptionServices;
using IpcLab.Core.Explore;
using IpcLab.Core.Lessons;
using IpcLab.Tui.App;
using IpcLab.Tui.Lessons;

namespace IpcLab.Tui.Gui;

/// <summary>
/// Judges a fix challenge away from the UI thread: the check of the student's program over the
/// challenge's schedules takes seconds, and the screen must keep drawing. A progress line says how
/// far it is, Esc cancels it, and the verdict is handed back to the UI thread to be shown.
/// </summary>
internal sealed class GuiChallengeJudge(TuiState state, string workingDirectory, Action<Action> toUiThread)
{
    /// <summary>Progress is told on the status line every this many runs (not every run: each is a redraw).</summary>
    private const int ProgressEvery = 50;

    private CancellationTokenSource? _judging;

    /// <summary>How the work is started: on the thread pool; tests start it where they choose.</summary>
    public Func<Action, Task> Start { get; set; } = Task.Run;

    /// <summary>The judging started last (done, cancelled or still running), for tests to wait on.</summary>
    public Task? Last { get; private set; }

    public bool Busy => _judging is not null;

    /// <summary>Enter in a fix challenge's dialog: starts judging the file typed. False for any other dialog.</summary>
    public bool TryStart(LessonDialog dialog)
    {
        if (_judging is not null || dialog is not { Kind: LessonDialogKind.Challenge, Challenge: { ChangesProgram: true } challenge } || state.LessonScreen.Open is not { } open)
        {
            return false;
        }

        var judging = new CancellationTokenSource();
        _judging = judging;
        var lesson = open.Lesson;
        var input = dialog.Input;
        var runs = challenge.Runs;
        state.Status = Progress(input, 0, challenge);
        var options = new CheckOptions
        {
            Cancellation = judging.Token,
            Progress = done =>
            {
                if (done % ProgressEvery == 0 && done > 0)
                {
                    toUiThread(() => Show(judging, () => state.Status = Progress(input, done, challenge)));
                }
            },
        };
        Last = Start(() =>
        {
            try
            {
                var verdict = LessonChallenges.JudgeFix(lesson, challenge, input, workingDirectory, options);
                toUiThread(() => Show(judging, () =>
                {
                    _judging = null;
                    LessonChallenges.Apply(state, dialog, verdict);
                    state.Status = dialog.Right ? "SOLVED · Enter closes" : "not yet · Enter closes";
                }));
            }
            catch (OperationCanceledException) when (judging.IsCancellationRequested)
            {
                // Esc said so; the status line already says it was cancelled.
            }
            catch (Exception e)
            {
                // Not lost on a pool thread: thrown again on the UI thread, where a failure ends the program with its report.
                var failure = ExceptionDispatchInfo.Capture(e);
                toUiThread(failure.Throw);
            }
        });
        return true;
    }

    /// <summary>A key while judging: Esc cancels, Ctrl-C is left to quit, every other key waits. True when the key was taken.</summary>
    public bool OnKey(ConsoleKeyInfo key)
    {
        if (_judging is not { } judging || key.KeyChar == '\x03')
        {
            return false;
        }

        if (key.Key == ConsoleKey.Escape)
        {
            judging.Cancel();
            _judging = null;
            state.Status = "judging cancelled: Enter judges the file again, Esc closes the challenge";
        }

        return true;
    }

    /// <summary>Stops a judging still running (the screen is closing).</summary>
    public void Cancel()
    {
        _judging?.Cancel();
        _judging = null;
    }

    private static string Progress(string input, int done, Challenge challenge) =>
        $"judging {input.Trim()}: {(challenge.Kind == ChallengeKind.Guarantee ? $"check --guarantee runs it {challenge.Runs} times with crashes" : $"check runs it under {challenge.Runs} schedules")} · {done} of {challenge.Runs} done · Esc cancels";

    /// <summary>On the UI thread: applies what the judging sent unless it was cancelled since (a late result or progress is dropped).</summary>
    private void Show(CancellationTokenSource judging, Action change)
    {
        if (_judging == judging)
        {
            change();
        }
    }
}
