using Spectre.Console;
using Spectre.Console.Rendering;

namespace IpcLab.Tui.Views;

/// <summary>The notice shown instead of a squeezed layout when the terminal is below the minimum size.</summary>
internal static class TooSmallView
{
    public static string Message(int width, int height) =>
        $"terminal is {width}x{height}; IpcLab needs at least {Frame.MinWidth}x{Frame.MinHeight} — make the window larger";

    public static IRenderable Build(int width, int height)
    {
        if (width < 1 || height < 1)
        {
            return Spectre.Console.Text.Empty;
        }

        var notice = new Markup($"[{Palette.Waiting}]{Markup.Escape(Message(width, height))}[/]").Centered();

        var root = new Layout("too-small");
        root.Update(Align.Center(notice, VerticalAlignment.Middle));
        return root;
    }
}
