using IpcLab.Tui.Views;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace IpcLab.Tui.Gui;

// The list of lessons and programs: a ListView of the start page's rows. The keys stay the shared
// key handler's (↑/↓, Enter, q, ?...): a letter must not jump through the list as type-ahead would.
// The mouse: a click chooses an entry, a click on the chosen one (or a double click) opens it, the
// wheel scrolls the list without changing the choice.
internal sealed partial class GuiRunScreen
{
    private readonly StartListSource _startSource = new();
    private ListView? _startList;

    /// <summary>The entry the list last showed as chosen (-1: none yet), to scroll it into view only when the choice moves.</summary>
    private int _startShown = -1;

    private ListView StartList => _startList ??= NewStartList();

    private ListView NewStartList()
    {
        var list = new ListView { X = 1, Y = 2, Width = Dim.Fill(1), Height = Dim.Fill(2), CanFocus = false, Visible = false, Source = _startSource };
        list.ViewportSettings |= ViewportSettingsFlags.HasVerticalScrollBar;
        list.MouseEvent += (_, mouse) => OnStartMouse(mouse);
        return list;
    }

    /// <summary>The start page: every row in the list, the choice selected and, when it moved, scrolled into view.</summary>
    private void ShowStartList(int width)
    {
        var list = StartList;
        list.Visible = true;
        if (_startSource.Show(LessonPathView.PageRows(_state, width - 3, int.MaxValue / 2)))
        {
            list.SetContentSize(new System.Drawing.Size(width - 3, _startSource.Count));
        }

        var row = _startSource.RowOf(_state.LessonIndex);
        if (row >= 0 && _state.LessonIndex != _startShown)
        {
            _startShown = _state.LessonIndex;
            list.SelectedItem = row;
            list.EnsureSelectedItemVisible();
        }

        list.SetNeedsDraw();
    }

    private void OnStartMouse(Mouse mouse)
    {
        if (_state.Screen != Screen.Start || _state.Prompt != PromptKind.None || mouse.IsWheel)
        {
            // The wheel is the list's own: it scrolls.
            return;
        }

        var clicked = mouse.Flags.HasFlag(MouseFlags.LeftButtonClicked);
        var doubled = mouse.Flags.HasFlag(MouseFlags.LeftButtonDoubleClicked);
        if (!clicked && !doubled)
        {
            return;
        }

        mouse.Handled = true;
        var entry = _startSource.EntryAt(StartList.Viewport.Y + mouse.Position!.Value.Y);
        if (entry < 0)
        {
            return;
        }

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
