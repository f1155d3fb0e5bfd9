using IpcLab.Tui.Views;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace IpcLab.Tui.Gui;

/// <summary>
/// The open prompt (go to step, seed, save as, which waiter, which thread or process, quit or
/// leave without saving) as a dialog over the run. It takes no focus: keys still reach the run
/// screen's one key handler (Esc cancels there), and a click on a button
/// presses that button's keys through the same handler.
/// </summary>
internal sealed class GuiPromptDialog : Dialog
{
    private readonly Action<string> _press;
    private readonly MarkupLinesView _text = new() { X = 0, Y = 0, Width = Dim.Fill(), Height = 1 };
    private PromptDialogData? _shown;

    public GuiPromptDialog(Action<string> press)
    {
        _press = press;
        CanFocus = false;
        Visible = false;
        X = Pos.Center();
        Y = Pos.Center();
        Add(_text);
    }

    /// <summary>Shows the prompt's dialog (or hides it when <paramref name="data"/> is null) at most <paramref name="width"/> wide.</summary>
    public void Show(PromptDialogData? data, int width)
    {
        Visible = data is not null;
        if (data is null)
        {
            _shown = null;
            return;
        }

        var inner = Math.Clamp(width - 8, 20, 72);
        var lines = new List<string>();
        foreach (var sentence in data.Question)
        {
            lines.AddRange(TextFit.Wrap(sentence, inner));
        }

        if (data.Input is { } input)
        {
            lines.Add("");
            lines.Add(new MarkupLine(inner).Add("› ", Palette.Prompt).Add(input, Palette.Title).Add(Palette.Cursor, Palette.Prompt).ToString());
        }

        Title = data.Title;
        this.SetWidth(inner + 4);
        _text.SetWidth(inner);
        _text.SetHeight(lines.Count);
        _text.Lines = lines;
        if (_shown is null || !_shown.Choices.SequenceEqual(data.Choices))
        {
            SetButtons(data.Choices);
        }

        _shown = data;
    }

    private void SetButtons(IReadOnlyList<DialogChoice> choices)
    {
        // The dialog's Buttons setter adds to the buttons it has: the old ones go first.
        foreach (var old in Buttons)
        {
            old.SuperView?.Remove(old);
            old.Dispose();
        }

        Button[] buttons = [.. choices.Select(choice =>
        {
            var button = new Button { Text = choice.Label, CanFocus = false };
            button.Accepting += (_, e) =>
            {
                e.Handled = true;
                _press(choice.Keys);
            };
            return button;
        })];
        Buttons = buttons;

        // The dialog makes its last button the default; here the first is what Enter does (OK, or the
        // first waiter in line). Its Buttons keep the removed ones too: only the new ones are set.
        for (var i = 0; i < buttons.Length; i++)
        {
            buttons[i].IsDefault = i == 0;
        }
    }
}
