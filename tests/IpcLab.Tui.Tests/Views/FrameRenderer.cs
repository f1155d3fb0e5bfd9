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

    /// <summary>
    /// The frame read cell by cell (the text between two rules │ of a row), each cell joined to the
    /// cells below it that continue it (blank in their first eight columns, where a listing line has
    /// its number: a wrapped line's continuation rows), one line a cell.
    /// </summary>
    public static string Unwrapped(string frame)
    {
        var rows = frame.Split('\n');
        var lines = new List<string>();
        for (var r = 0; r < rows.Length; r++)
        {
            var start = 0;
            foreach (var cell in rows[r].Split('│'))
            {
                var end = start + cell.Length;
                if (!Continues(cell))
                {
                    var line = cell.TrimEnd();
                    for (var next = r + 1; next < rows.Length && CellAt(rows[next], start, end) is { } more && Continues(more); next++)
                    {
                        line += " " + more.Trim();
                    }

                    lines.Add(line);
                }

                start = end + 1;
            }
        }

        return string.Join("\n", lines);
    }

    private static bool Continues(string cell) => cell.Length > 8 && cell[..8].Trim().Length == 0 && cell.Trim().Length > 0;

    private static string? CellAt(string row, int start, int end)
    {
        if (row.Length < start || (start > 0 && row[start - 1] != '│'))
        {
            return null;
        }

        var cell = row[start..Math.Min(end, row.Length)];
        return cell.Contains('│', StringComparison.Ordinal) || (end < row.Length && row[end] != '│') ? null : cell;
    }

    /// <summary>The colour a style word of the views ("red", "yellow") is in the default theme.</summary>
    public static Color ColourOf(string word) =>
        Tui.Gui.ScreenThemes.ColorOf(word, Tui.Gui.ScreenTheme.Default) ?? throw new ArgumentException($"no colour {word}", nameof(word));
}
