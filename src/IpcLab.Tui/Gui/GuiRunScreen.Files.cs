using IpcLab.Tui.App;
using IpcLab.Tui.Views;
using Terminal.Gui.Input;
using Terminal.Gui.Views;

namespace IpcLab.Tui.Gui;

// File › Open (a file dialog), and the hint line whose hints are clicked like keys.
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

        /// <summary>A click on the hint line presses the key of the hint under the mouse.</summary>
    private void OnHintClick(Mouse mouse)
    {
        if (!mouse.Flags.HasFlag(MouseFlags.LeftButtonClicked) || mouse.Position is not { Y: 1 } at || _status.Lines.Count < 2)
        {
            return;
        }

        // Only the hints themselves: a long status sentence can take this line instead.
        if (MarkupRuns.Plain(_status.Lines[1]) == _hints && StatusHints.KeyAt(_hints, at.X) is { } key)
        {
            mouse.Handled = true;
            Press(key);
        }
    }
}
