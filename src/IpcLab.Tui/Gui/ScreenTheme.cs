namespace IpcLab.Tui.Gui;

/// <summary>The colours of the Terminal.Gui run screen (<c>--theme</c>, the View menu; remembered per user).</summary>
public enum ScreenTheme
{
    /// <summary>The terminal's own colours, with the palette's colour words as they are (finished and hints in dark grey).</summary>
    Default,

    /// <summary>High contrast for a projector: bright colours on black, no dim grey anywhere (hints and finished threads in white).</summary>
    Projector,

    /// <summary>A colour-blind-safe palette (Okabe–Ito): ready blue, blocked vermillion, waiting yellow, faulted reddish purple, wake-ups sky blue.</summary>
    ColorBlind,
}
