using Terminal.Gui.Drivers;
using Terminal.Gui.Input;

namespace IpcLab.Tui.Gui;

/// <summary>A Terminal.Gui key as the key the run keys are written for (the same KeyHandler serves both UIs).</summary>
internal static class GuiKeys
{
    public static ConsoleKeyInfo? ToConsoleKey(Key key)
    {
        if (key.IsCtrl && key.NoCtrl == Key.C)
        {
            return new ConsoleKeyInfo('\x03', ConsoleKey.C, shift: false, alt: false, control: true);
        }

        if (key.IsCtrl && key.NoCtrl == Key.Z)
        {
            return new ConsoleKeyInfo('\x1a', ConsoleKey.Z, shift: false, alt: false, control: true);
        }

        var named = key.KeyCode switch
        {
            KeyCode.Enter => ConsoleKey.Enter,
            KeyCode.Esc => ConsoleKey.Escape,
            KeyCode.Backspace => ConsoleKey.Backspace,
            KeyCode.CursorUp => ConsoleKey.UpArrow,
            KeyCode.CursorDown => ConsoleKey.DownArrow,
            KeyCode.CursorLeft => ConsoleKey.LeftArrow,
            KeyCode.CursorRight => ConsoleKey.RightArrow,
            KeyCode.Home => ConsoleKey.Home,
            KeyCode.F1 => ConsoleKey.F1,
            _ => (ConsoleKey?)null,
        };
        if (named is { } k)
        {
            var c = k switch { ConsoleKey.Enter => '\r', ConsoleKey.Escape => '\x1b', ConsoleKey.Backspace => '\b', _ => '\0' };
            return new ConsoleKeyInfo(c, k, shift: false, alt: false, control: false);
        }

        if (key.IsCtrl || key.IsAlt || key.AsRune.Value == 0 || key.AsRune.Value > char.MaxValue)
        {
            return null;
        }

        var ch = (char)key.AsRune.Value;
        var consoleKey = ch == ' ' ? ConsoleKey.Spacebar : char.IsAsciiLetter(ch) ? (ConsoleKey)char.ToUpperInvariant(ch) : char.IsAsciiDigit(ch) ? (ConsoleKey)ch : ConsoleKey.NoName;
        return new ConsoleKeyInfo(ch, consoleKey, shift: char.IsUpper(ch), alt: false, control: false);
    }

    /// <summary>The key a terminal reports for one typed character (a menu item presses its key through it).</summary>
    public static ConsoleKeyInfo FromChar(char c) => c switch
    {
        ' ' => new(' ', ConsoleKey.Spacebar, false, false, false),
        '\r' or '\n' => new('\r', ConsoleKey.Enter, false, false, false),
        '\x1b' => new('\x1b', ConsoleKey.Escape, false, false, false),
        '\b' => new('\b', ConsoleKey.Backspace, false, false, false),
        '\t' => new('\t', ConsoleKey.Tab, false, false, false),
        '\x03' => new('\x03', ConsoleKey.C, shift: false, alt: false, control: true),
        '\x1a' => new('\x1a', ConsoleKey.Z, shift: false, alt: false, control: true),
        >= '0' and <= '9' => new(c, ConsoleKey.D0 + (c - '0'), false, false, false),
        >= 'a' and <= 'z' => new(c, ConsoleKey.A + (c - 'a'), false, false, false),
        >= 'A' and <= 'Z' => new(c, ConsoleKey.A + (c - 'A'), shift: true, alt: false, control: false),
        _ => new(c, default, false, false, false),
    };
}
