using IpcLab.Tui.Tests.Gui;
using Terminal.Gui.Drawing;
using TgAttribute = Terminal.Gui.Drawing.Attribute;

namespace IpcLab.Tui.Tests.Views;

/// <summary>
/// A state drawn as the program draws it, on the Terminal.Gui screen without a terminal (see
/// <see cref="GuiHarness"/>), and read back as text: what a view test checks.
/// </summary>
public static class FrameRenderer
{
    /// <summary>The screen as text, one line a row (the menu bar first), trailing blanks trimmed.</summary>
    public static string Render(TuiState state, int width, int height)
    {
        using var gui = new GuiHarness(state, width, height);
        return gui.Text;
    }

    /// <summary>
    /// The colours and style of the cell <paramref name="offset"/> cells into the first place
    /// <paramref name="text"/> shows on the screen.
    /// </summary>
    public static TgAttribute StyleOf(TuiState state, int width, int height, string text, int offset = 0)
    {
        using var gui = new GuiHarness(state, width, height);
        var (column, row) = gui.Find(text);
        return gui.AttributeAt(column + offset, row) ?? throw new InvalidOperationException($"'{text}' has no attribute");
    }

    /// <summary>The colour a style word of the views ("red", "yellow") is in the default theme.</summary>
    public static Color ColourOf(string word) =>
        Tui.Gui.ScreenThemes.ColorOf(word, Tui.Gui.ScreenTheme.Default) ?? throw new ArgumentException($"no colour {word}", nameof(word));
}
