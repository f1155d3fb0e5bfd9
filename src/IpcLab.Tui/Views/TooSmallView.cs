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
}
