using IpcLab.Tui.App;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace IpcLab.Tui.Tests.App;

/// <summary>
/// A terminal that keeps every frame drawn on it as plain text (an off-screen console without
/// ANSI, at a fixed size), and whether the frame asked for a clear. Its size can be changed.
/// </summary>
internal sealed class FakeTerminal(int width = 120, int height = 40) : ITerminal
{
    public int Width { get; set; } = width;

    public int Height { get; set; } = height;

    public List<string> Frames { get; } = [];

    public List<bool> Clears { get; } = [];

    /// <summary>Called after each frame, with the frame's number (to change the size mid-run).</summary>
    public Action<int>? AfterDraw { get; set; }

    public string Last => Frames[^1];

    public void Draw(IRenderable frame, int width, int height, bool clear)
    {
        Frames.Add(Render(frame, width, height));
        Clears.Add(clear);
        AfterDraw?.Invoke(Frames.Count);
    }

    public static string Render(IRenderable frame, int width, int height)
    {
        using var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
            Enrichment = new ProfileEnrichment { UseDefaultEnrichers = false },
            EnvironmentVariables = new Dictionary<string, string>(),
        });
        console.Profile.Width = width;
        console.Profile.Height = height;
        console.Profile.Capabilities.Unicode = true;
        console.Write(frame);
        var lines = writer.ToString().Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        return string.Join("\n", lines.Select(l => l.TrimEnd()));
    }
}
