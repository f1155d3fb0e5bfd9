using Terminal.Gui.ViewBase;

namespace IpcLab.Tui.Gui;

/// <summary>
/// Places a view only when the place changes. Terminal.Gui's X, Y, Width and Height setters ask the
/// application to clear the whole screen and draw every view again on its next iteration even when
/// the value given equals the one the view has; the run screen places its panels on every key, so
/// assigning unchanged values made every key press a full redraw and a full rewrite of the terminal
/// (twice: once for the key, once more for the request left by the layout during the draw).
/// </summary>
internal static class ViewPlacement
{
    public static void SetX(this View view, Pos x)
    {
        if (view.X != x)
        {
            view.X = x;
        }
    }

    public static void SetY(this View view, Pos y)
    {
        if (view.Y != y)
        {
            view.Y = y;
        }
    }

    public static void SetWidth(this View view, Dim width)
    {
        if (view.Width != width)
        {
            view.Width = width;
        }
    }

    public static void SetHeight(this View view, Dim height)
    {
        if (view.Height != height)
        {
            view.Height = height;
        }
    }
}
