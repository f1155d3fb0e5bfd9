using Spectre.Console;
using Spectre.Console.Rendering;

namespace IpcLab.Tui.Views;

/// <summary>
/// The whole screen as a pure function of the TUI state and the terminal size. The live loop and
/// the golden-frame tests call this same function.
/// </summary>
public static class Frame
{
    public const int MinWidth = 100;
    public const int MinHeight = 30;

    public static IRenderable Build(TuiState state, int width, int height) =>
        width < MinWidth || height < MinHeight
            ? new Markup($"terminal is {width}x{height}; IpcLab needs at least {MinWidth}x{MinHeight}")
            : new Markup(Markup.Escape($"IpcLab: {state.Screen} (views not built yet)"));
}
