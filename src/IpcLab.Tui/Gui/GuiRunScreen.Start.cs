using Terminal.Gui.Input;

namespace IpcLab.Tui.Gui;

// The mouse on the list of lessons and programs: a click chooses an entry, a click on the chosen one (or a double click) opens it, the wheel moves the choice.
internal sealed partial class GuiRunScreen
{
    /// <summary>The entry each row of the start page shows (-1 for a heading), as last drawn.</summary>
    private int[] _startEntries = [];

    /// <summary>The start page's first row shown, kept while the choice stays in view.</summary>
    private int _startTop = -1;

    private void OnStartMouse(Mouse mouse)
    {
        if (_state.Screen != Screen.Start || _state.Prompt != PromptKind.None)
        {
            return;
        }

        if (mouse.IsWheel)
        {
            Handle(new ConsoleKeyInfo('\0', mouse.Flags.HasFlag(MouseFlags.WheeledUp) ? ConsoleKey.UpArrow : ConsoleKey.DownArrow, false, false, false));
            mouse.Handled = true;
            return;
        }

        var clicked = mouse.Flags.HasFlag(MouseFlags.LeftButtonClicked);
        var doubled = mouse.Flags.HasFlag(MouseFlags.LeftButtonDoubleClicked);
        var row = mouse.Position!.Value.Y;
        if ((!clicked && !doubled) || row < 0 || row >= _startEntries.Length || _startEntries[row] < 0)
        {
            return;
        }

        mouse.Handled = true;
        var entry = _startEntries[row];
        var open = doubled || entry == _state.LessonIndex;
        _state.LessonIndex = entry;
        if (open)
        {
            Handle(new ConsoleKeyInfo('\r', ConsoleKey.Enter, false, false, false));
            return;
        }

        _state.Status = "Enter or a click on it again opens it";
        Refresh();
    }
}
