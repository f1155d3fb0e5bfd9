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
}
