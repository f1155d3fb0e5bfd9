using Terminal.Gui.Input;

namespace IpcLab.Tui.Gui;

/// <summary>
/// The wheel over the threads and objects panels. A key (a step, a thread's number, an arrow)
/// returns both to their top, as it returns the events to the newest: what the key changed is then
/// in view. A click on a thread keeps the scroll, so the thread clicked stays under the pointer.
/// </summary>
internal sealed partial class GuiRunScreen
{
    /// <summary>Calls <paramref name="scroll"/> with -1 for the wheel up, +1 for the wheel down.</summary>
    private void OnPanelWheel(Mouse mouse, Action<int> scroll)
    {
        if (_state.Session is null || !mouse.IsWheel || _state.LessonScreen.Dialog is not null)
        {
            return;
        }

        var by = mouse.Flags.HasFlag(MouseFlags.WheeledUp) ? -1 : mouse.Flags.HasFlag(MouseFlags.WheeledDown) ? 1 : 0;
        mouse.Handled = true;
        if (by != 0)
        {
            scroll(by);
        }
    }

    /// <summary>One thread further (or back): the panel starts at that thread, down to the last.</summary>
    private void ScrollThreads(int by)
    {
        var count = _state.Session!.Program.Threads.Count;
        _state.ThreadsScrolled = Math.Clamp(_state.ThreadsScrolled + by, 0, Math.Max(0, count - 1));
        Refresh();
    }

    /// <summary>The threads panel's title: scrolled, it says from which thread of how many.</summary>
    private string ThreadsTitle()
    {
        var count = _state.Session!.Program.Threads.Count;
        var first = Math.Clamp(_state.ThreadsScrolled, 0, Math.Max(0, count - 1));
        return first == 0 ? "Threads" : $"Threads · from {first + 1} of {count} (wheel up)";
    }

    /// <summary>One line further (or back), while the panel has lines below (or above).</summary>
    private void ScrollObjects(int by)
    {
        var before = _objectLines.Lines;
        _state.ObjectsScrolled = Math.Max(0, _state.ObjectsScrolled + by);
        Refresh();

        // The view stops at the last line (Box.Scrolled); the wheel past it must not pile up turns
        // that the wheel up would then have to undo before anything moves.
        if (by > 0 && _objectLines.Lines.SequenceEqual(before))
        {
            _state.ObjectsScrolled -= by;
            Refresh();
        }
    }
}
