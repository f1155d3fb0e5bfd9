using System.Runtime.ExceptionServices;
using IpcLab.Core.Model;
using IpcLab.Tui.App;
using IpcLab.Tui.Views;

namespace IpcLab.Tui.Gui;

/// <summary>
/// Find the bug away from the UI thread: exploring a program's schedules can take seconds, and the
/// screen must keep drawing and answering Esc. The search builds its own kernels from the compiled
/// program (nothing of the session on screen is touched); its progress and its report are handed
/// back to the UI thread, where a search cancelled since is ignored.
/// </summary>
internal sealed class GuiBugSearch(TuiState state, Action<Action> toUiThread)
{
    private CancellationTokenSource? _searching;

    /// <summary>How the search is started: on the thread pool; tests start it where they choose.</summary>
    public Func<Action, Task> Start { get; set; } = Task.Run;

    /// <summary>Beyond this many states the random checker takes over (tests lower it).</summary>
    public int ExploreLimit { get; set; } = BugFinder.ExploreLimit;

    /// <summary>The search itself (<see cref="BugFinder.Check(CompiledProgram, int, Action{string}?, CancellationToken)"/>; tests hold it part way).</summary>
    public Func<CompiledProgram, int, Action<string>, CancellationToken, BugReport?> Find { get; set; } = BugFinder.Check;

    /// <summary>The search started last (done, cancelled or still running).</summary>
    public Task? Last { get; private set; }

    public bool Busy => _searching is not null;

    /// <summary>How far the running search is, in a sentence (the progress dialog's first line).</summary>
    public string Progress { get; private set; } = "";

    /// <summary>Starts searching <paramref name="program"/>; <paramref name="done"/> gets the report on the UI thread.</summary>
    public void Begin(CompiledProgram program, Action<BugReport> done)
    {
        if (_searching is not null)
        {
            return;
        }

        var searching = new CancellationTokenSource();
        _searching = searching;
        Progress = "starting the search for a fault, a deadlock or a failed check";
        state.Status = "find the bug: searching (Esc cancels; the run stays as it is)";
        Last = Start(() =>
        {
            try
            {
                var report = Find(program, ExploreLimit, sentence => toUiThread(() => Show(searching, () => Progress = sentence)), searching.Token);
                if (report is not null)
                {
                    toUiThread(() => Show(searching, () =>
                    {
                        _searching = null;
                        done(report);
                    }));
                }
            }
            catch (Exception e)
            {
                // Not lost on a pool thread: thrown again on the UI thread, where a failure ends the program with its report.
                var failure = ExceptionDispatchInfo.Capture(e);
                toUiThread(failure.Throw);
            }
        });
    }

    /// <summary>A key while searching: Esc cancels, Ctrl-C and Ctrl-Z are left to the screen, every other key waits. True when the key was taken.</summary>
    public bool OnKey(ConsoleKeyInfo key)
    {
        if (_searching is null || key.KeyChar is '\x03' or '\x1a')
        {
            return false;
        }

        if (key.Key == ConsoleKey.Escape)
        {
            Cancel();
            state.Status = "search cancelled: the run is as it was (f searches again)";
        }

        return true;
    }

    /// <summary>Stops a search still running (Esc, or the screen is closing).</summary>
    public void Cancel()
    {
        _searching?.Cancel();
        _searching = null;
    }

    /// <summary>The progress dialog while a search runs, else null.</summary>
    public PromptDialogData? Dialog() => _searching is null ? null : new PromptDialogData(
        "Find the bug",
        [Progress, "The run on screen stays as it is until the search ends; Esc stops it."],
        null,
        [new DialogChoice("Cancel", "\x1b")]);

    /// <summary>On the UI thread: applies what the search sent unless it was cancelled since (a late report or progress is dropped).</summary>
    private void Show(CancellationTokenSource searching, Action change)
    {
        if (_searching == searching)
        {
            change();
        }
    }
}
