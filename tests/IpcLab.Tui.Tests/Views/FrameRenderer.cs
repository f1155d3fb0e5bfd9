using IpcLab.Tui.Views;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace IpcLab.Tui.Tests.Views;

/// <summary>
/// Renders a frame to text off-screen, the way the golden tests see it: an ANSI-free console of a
/// fixed size that ignores the environment (no NO_COLOR, TERM or CI detection).
/// </summary>
public static class FrameRenderer
{
    /// <summary>The frame as plain text: line ends normalised to \n and trailing spaces trimmed.</summary>
    public static string Render(TuiState state, int width, int height) =>
        Normalise(RenderRaw(Frame.Build(state, width, height), width, height, colour: false));

    /// <summary>The frame with ANSI colour codes (the 16-colour set), line ends normalised.</summary>
    public static string RenderAnsi(TuiState state, int width, int height) =>
        RenderRaw(Frame.Build(state, width, height), width, height, colour: true).Replace("\r\n", "\n", StringComparison.Ordinal);

    /// <summary>Exactly what the console wrote (line ends normalised, nothing trimmed), to count lines and columns.</summary>
    public static string RenderUntrimmed(TuiState state, int width, int height) =>
        RenderRaw(Frame.Build(state, width, height), width, height, colour: false).Replace("\r\n", "\n", StringComparison.Ordinal);

    public static string RenderRaw(IRenderable renderable, int width, int height, bool colour)
    {
        using var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = colour ? AnsiSupport.Yes : AnsiSupport.No,
            ColorSystem = colour ? ColorSystemSupport.Standard : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
            Enrichment = new ProfileEnrichment { UseDefaultEnrichers = false },
            EnvironmentVariables = new Dictionary<string, string>(),
        });
        console.Profile.Width = width;
        console.Profile.Height = height;
        console.Profile.Capabilities.Unicode = true;
        console.Write(renderable);
        return writer.ToString();
    }

    /// <summary>\r\n to \n, and every line without its trailing spaces.</summary>
    public static string Normalise(string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        return string.Join('\n', lines.Select(l => l.TrimEnd()));
    }
}
