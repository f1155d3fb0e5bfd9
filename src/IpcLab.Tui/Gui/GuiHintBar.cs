using IpcLab.Tui.Views;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace IpcLab.Tui.Gui;

/// <summary>
/// The hint line as Terminal.Gui's status bar: one shortcut a hint ("space step", "b back"...), a
/// click on it presses its key. The shortcuts bind no key themselves: every key still goes to the
/// screen's one key handler, so a 'q' typed into the save-as prompt is a letter, not a quit.
/// </summary>
internal sealed class GuiHintBar : StatusBar
{
    private readonly Action<char> _press;
    private string _shown = "";

    public GuiHintBar(Action<char> press)
    {
        _press = press;
        CanFocus = false;
    }

    /// <summary>The hints as shortcuts (rebuilt only when they change), or the bar hidden when <paramref name="hints"/> is null.</summary>
    public void Show(string? hints)
    {
        Visible = hints is not null;
        if (hints is null || hints == _shown)
        {
            return;
        }

        _shown = hints;
        foreach (var old in SubViews.ToArray())
        {
            Remove(old);
            old.Dispose();
        }

        foreach (var hint in hints.Split(StatusHints.Separator))
        {
            var key = StatusHints.KeyOf(hint);
            var shortcut = new Shortcut(Key.Empty, hint, key is { } k ? () => _press(k) : null) { CanFocus = false };
            Add(shortcut);
        }
    }
}
