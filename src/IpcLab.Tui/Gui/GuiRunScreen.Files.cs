using IpcLab.Tui.App;
using IpcLab.Tui.Views;
using Terminal.Gui.Input;
using Terminal.Gui.Views;

namespace IpcLab.Tui.Gui;

// File › Open (a file dialog), and the bottom lines: the status and the hints of the status bar.
internal sealed partial class GuiRunScreen
{
    private bool _openAnyway;
    private string _hints = "";

    /// <summary>Asks for the file to open: Terminal.Gui's file dialog by default; null when cancelled (tests give their own).</summary>
    public Func<string?> ChooseFile { get; set; } = () => null;

    /// <summary>The file dialog on the running application; null when cancelled.</summary>
    private string? ChooseWithDialog()
    {
        if (App is null)
        {
            return null;
        }

        using var dialog = new OpenDialog
        {
            Title = "Open a script (.ipl) or a saved run (.json)",
            OpenMode = OpenMode.File,
            AllowedTypes = [new AllowedType("Scripts and saved runs", ".ipl", ".json"), new AllowedTypeAny()],
        };
        App.Run(dialog);
        return dialog.Canceled ? null : dialog.Path;
    }

    /// <summary>File › Open: asks first when the open run has steps not saved (Open again goes on), then the file dialog.</summary>
    private void OpenFile()
    {
        if (Searching)
        {
            return;
        }

        var unsaved = _state.Screen == Screen.Run ? _state.UnsavedSteps : 0;
        if (unsaved > 0 && !_openAnyway)
        {
            _openAnyway = true;
            _state.Status = $"this run's {unsaved} steps are not saved: S saves them; File › Open again opens another file anyway";
            Refresh();
            return;
        }

        _openAnyway = false;
        _state.Running = false;
        var path = ChooseFile();
        _state.Status = path is null ? "nothing opened (the file dialog was cancelled)" : RunOpener.Open(_state, Shown(path)) ?? _state.Status;
        Refresh();
    }

    /// <summary>A file under the current folder by its relative name (as on the command line), any other by its full path.</summary>
    private static string Shown(string path)
    {
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, path);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? path : relative;
    }

    /// <summary>The two bottom lines: the status, then the hints as the status bar's shortcuts, or in their place the text that took that line (a prompt's question, the rest of a long status).</summary>
    private void ShowStatus(string status, string keys)
    {
        var hints = MarkupRuns.Plain(keys) == _hints;
        _status.Lines = [status, hints ? "" : keys];

        // Each shortcut takes a column or two more than its hint: the long run keys only where they still fit.
        var shown = TextFit.Width(_hints) + (2 * _hints.Split(StatusHints.Separator).Length) > Viewport.Width ? StatusBarView.Narrower(_hints) : _hints;
        _hintBar.Show(hints ? shown : null);
    }
}
