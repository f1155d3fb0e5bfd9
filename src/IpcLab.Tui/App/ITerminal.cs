using Spectre.Console.Rendering;

namespace IpcLab.Tui.App;

/// <summary>The screen the key loop draws on: its size, and one whole frame at a time.</summary>
public interface ITerminal
{
    /// <summary>Columns now (it can change between two calls: the window was resized).</summary>
    int Width { get; }

    /// <summary>Rows now.</summary>
    int Height { get; }

    /// <summary>
    /// Shows one frame built for <paramref name="width"/> x <paramref name="height"/>.
    /// <paramref name="clear"/> asks to wipe the screen first (after a resize), which is the only
    /// time a frame may flicker.
    /// </summary>
    void Draw(IRenderable frame, int width, int height, bool clear);
}
