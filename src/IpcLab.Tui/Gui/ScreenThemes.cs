using Terminal.Gui.Drawing;

namespace IpcLab.Tui.Gui;

/// <summary>The themes' names (as typed after <c>--theme</c> and stored) and their colours for the palette's colour words.</summary>
public static class ScreenThemes
{
    public static IReadOnlyList<string> Names { get; } = ["default", "projector", "colorblind"];

    public static string NameOf(ScreenTheme theme) => Names[(int)theme];

    /// <summary>The theme a name stands for (any case, surrounding blanks ignored), or null for anything else.</summary>
    public static ScreenTheme? Parse(string? text) =>
        Names.ToList().IndexOf(text?.Trim().ToLowerInvariant() ?? "") is var i and >= 0 ? (ScreenTheme)i : null;

    /// <summary>A colour word of the views' styles ("green", "grey", …) in a theme; null for a word that is not a colour.</summary>
    internal static Color? ColorOf(string word, ScreenTheme theme) => theme switch
    {
        ScreenTheme.Projector => word switch
        {
            "green" => new Color(ColorName16.BrightGreen),
            "red" => new Color(ColorName16.BrightRed),
            "yellow" => new Color(ColorName16.BrightYellow),
            "grey" or "gray" or "white" => new Color(ColorName16.White),
            "magenta" => new Color(ColorName16.BrightMagenta),
            "cyan" => new Color(ColorName16.BrightCyan),
            "blue" => new Color(ColorName16.BrightBlue),
            "black" => new Color(ColorName16.Black),
            _ => null,
        },
        ScreenTheme.ColorBlind => word switch
        {
            "green" or "blue" => new Color(0, 114, 178),
            "red" => new Color(213, 94, 0),
            "yellow" => new Color(240, 228, 66),
            "grey" or "gray" => new Color(150, 150, 150),
            "magenta" => new Color(204, 121, 167),
            "cyan" => new Color(86, 180, 233),
            "white" => new Color(ColorName16.White),
            "black" => new Color(ColorName16.Black),
            _ => null,
        },
        _ => word switch
        {
            "green" => new Color(ColorName16.Green),
            "red" => new Color(ColorName16.Red),
            "yellow" => new Color(ColorName16.Yellow),
            "grey" or "gray" => new Color(ColorName16.DarkGray),
            "magenta" => new Color(ColorName16.Magenta),
            "cyan" => new Color(ColorName16.Cyan),
            "white" => new Color(ColorName16.White),
            "black" => new Color(ColorName16.Black),
            "blue" => new Color(ColorName16.Blue),
            _ => null,
        },
    };

    /// <summary>The plain text's colours in a theme: the terminal's own for the default, white on black for the others; null keeps the toolkit's.</summary>
    internal static Terminal.Gui.Drawing.Attribute? NormalOf(ScreenTheme theme) => theme switch
    {
        ScreenTheme.Projector => new Terminal.Gui.Drawing.Attribute(new Color(ColorName16.White), new Color(ColorName16.Black), TextStyle.Bold),
        ScreenTheme.ColorBlind => new Terminal.Gui.Drawing.Attribute(new Color(ColorName16.White), new Color(ColorName16.Black)),
        _ => null,
    };
}
