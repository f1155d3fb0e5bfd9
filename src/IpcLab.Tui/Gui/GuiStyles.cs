using Terminal.Gui.Drawing;
using TgAttribute = Terminal.Gui.Drawing.Attribute;

namespace IpcLab.Tui.Gui;

/// <summary>The views' style words ("bold yellow", "black on yellow", "invert", "grey") as Terminal.Gui attributes.</summary>
internal static class GuiStyles
{
    public static TgAttribute Of(string style, TgAttribute normal, ScreenTheme theme = ScreenTheme.Default)
    {
        if (style.Length == 0)
        {
            return normal;
        }

        var foreground = normal.Foreground;
        var background = normal.Background;
        var text = TextStyle.None;
        var onBackground = false;
        foreach (var word in style.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            switch (word)
            {
                case "bold": text |= TextStyle.Bold; break;
                case "invert": text |= TextStyle.Reverse; break;
                case "italic": text |= TextStyle.Italic; break;
                case "on": onBackground = true; break;
                case "default": break;
                default:
                    if (ScreenThemes.ColorOf(word, theme) is { } color)
                    {
                        if (onBackground)
                        {
                            background = color;
                        }
                        else
                        {
                            foreground = color;
                        }
                    }

                    break;
            }
        }

        return new TgAttribute(foreground, background, text);
    }
}
