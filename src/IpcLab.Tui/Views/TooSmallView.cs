namespace IpcLab.Tui.Views;

/// <summary>The notice shown instead of a squeezed layout when the terminal is below the minimum size.</summary>
internal static class TooSmallView
{
    /// <summary>The narrowest terminal the run screen is drawn in.</summary>
    public const int MinWidth = 100;

    /// <summary>The lowest terminal the run screen is drawn in.</summary>
    public const int MinHeight = 30;

    public static string Message(int width, int height) =>
        $"terminal is {width}x{height}; IpcLab needs at least {MinWidth}x{MinHeight} — make the window larger";

    /// <summary>
    /// The notice as the lines of a page <paramref name="pageWidth"/> wide whose first row is row
    /// <paramref name="pageTop"/> of a <paramref name="width"/> x <paramref name="height"/> screen:
    /// wrapped to the page, each line centred, the lines in the middle rows of the screen.
    /// </summary>
    public static List<string> Lines(int width, int height, int pageTop, int pageWidth)
    {
        var notice = TextFit.Wrap(Message(width, height), pageWidth);
        var lines = Enumerable.Repeat("", Math.Max(0, ((height - notice.Count) / 2) - pageTop)).ToList();
        foreach (var line in notice)
        {
            lines.Add(new string(' ', Math.Max(0, (pageWidth - TextFit.Width(line)) / 2)) + TextFit.Styled(line, Palette.Waiting));
        }

        return lines;
    }
}
