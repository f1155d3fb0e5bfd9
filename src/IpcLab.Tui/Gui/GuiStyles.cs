using Terminal.Gui.Drawing;
using TgAttribute = Terminal.Gui.Drawing.Attribute;

namespace IpcLab.Tui.Gui;

/// <summary>The views' style words ("bold yellow", "black on yellow", "invert", "grey") as Terminal.Gui attributes.</summary>
internal static class GuiStyles
{
    public static TgAttribute Of(string style, TgAttribute normal)
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
                    if (ColorOf(word) is { } color)
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

    private static Color? ColorOf(string word) => word switch
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
    };
}
