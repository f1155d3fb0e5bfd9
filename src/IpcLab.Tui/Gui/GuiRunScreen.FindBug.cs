using IpcLab.Core.Model;
using IpcLab.Tui.App;
using IpcLab.Tui.Views;

namespace IpcLab.Tui.Gui;

// f / Run menu: search the open program for a bug away from the UI thread, with a progress dialog,
// and offer the shortest failing run it finds.
internal sealed partial class GuiRunScreen
{
    private BugReport? _found;
    private CompiledProgram? _foundIn;
    private GuiBugSearch? _search;

    /// <summary>The search behind f (tests start it on a thread of their choosing).</summary>
    internal GuiBugSearch BugSearch => _search ??= new GuiBugSearch(_state, work => App?.Invoke(() =>
    {
        work();
        Refresh();
    }));

    /// <summary>True while a search runs: the run on screen must not change under its progress dialog.</summary>
    private bool Searching => _search?.Busy == true;

    /// <summary>f: searches the open program; a finding opens a dialog that offers its shortest run, nothing found says so.</summary>
    private void FindBug()
    {
        if (_state.Session is not { } session || _state.Screen != Screen.Run || _state.Prompt != PromptKind.None || Searching)
        {
            return;
        }

        _state.Running = false;
        var program = session.Program;
        BugSearch.Begin(program, report =>
        {
            _state.Status = report.Summary;
            _found = report.Shortest is null ? null : report;
            _foundIn = program;
        });
        Refresh();
    }

    /// <summary>The dialog over the run: the search's progress, then what it found.</summary>
    private PromptDialogData? BugDialog() => _search?.Dialog() ?? (_found is not null ? FoundDialog() : null);

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        _search?.Cancel();
        base.Dispose(disposing);
    }

    /// <summary>While the checker's dialog is open: y or Enter opens the run, n or Esc keeps this one. True when the key was the dialog's.</summary>
    private bool FoundKey(ConsoleKeyInfo key)
    {
        // Ctrl-C and Ctrl-Z keep their meaning over the dialog.
        if (_search?.OnKey(key) == true)
        {
            return true;
        }

        if (_found is not { } report || _state.Session is not { } session || key.KeyChar is '\x03' or '\x1a')
        {
            return false;
        }

        if (key.KeyChar is 'y' or 'Y' or '\r')
        {
            _found = null;
            var unsaved = _state.UnsavedSteps;
            var shortest = BugFinder.OpenShortest(_foundIn!, report)!;
            RunFiles.Show(_state, shortest, _state.FileName, $"the shortest failing run found, at its end (step {shortest.Position}): b steps back through it, 0 goes to its start, S saves it");
            _state.Status += unsaved > 0 ? $"; the previous run's {unsaved} steps were not saved" : "";
        }
        else if (key.KeyChar is 'n' or 'N' or '\x1b')
        {
            _found = null;
            _state.Status = $"kept this run (step {session.Position}); f runs the checker again";
        }

        return true;
    }

    private PromptDialogData FoundDialog()
    {
        var unsaved = _state.UnsavedSteps;
        var question = new List<string> { _state.Status };
        if (unsaved > 0)
        {
            question.Add($"Opening it replaces this run, whose {unsaved} steps are not saved (n keeps it: S saves it, then f again).");
        }

        return new PromptDialogData("Find the bug", question, null, [new DialogChoice("Open the shortest run", "y"), new DialogChoice("Keep this run", "n")]);
    }
}
