using System.Text;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace IpcLab.Tui.App;

/// <summary>
/// The real terminal. A frame is rendered off-screen to an ANSI string, then sent as one write:
/// begin synchronized update, clear only when asked (after a resize) or when the frame does not
/// cover the whole screen, cursor home, the frame, end synchronized update. Home-and-overwrite
/// without a clear is what keeps stepping free of flicker.
/// </summary>
public sealed class ConsoleTerminal(TerminalGuard guard) : ITerminal
{
    private const string BeginUpdate = "\x1b[?2026h";
    private const string EndUpdate = "\x1b[?2026l";
    private const string Clear = "\x1b[2J";
    private const string Home = "\x1b[H";

    public int Width => Console.WindowWidth;

    public int Height => Console.WindowHeight;

    public void Draw(IRenderable frame, int width, int height, bool clear)
    {
        var text = Render(frame, width, height);
        var lines = text.Count(c => c == '\n') + 1;
        var sb = new StringBuilder(text.Length + 32);
        sb.Append(BeginUpdate);
        if (clear || lines < height)
        {
            sb.Append(Clear);
        }

        sb.Append(Home).Append(text).Append(EndUpdate);
        guard.Write(Encoding.UTF8.GetBytes(sb.ToString()));
    }

    /// <summary>
    /// Renders a frame to ANSI text for a screen of the given size, without touching the console.
    /// Also used once before the alternate screen is entered, to warm up the JIT.
    /// </summary>
    public static string Render(IRenderable frame, int width, int height)
    {
        using var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.Yes,
            ColorSystem = ColorSystemSupport.Detect,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = width;
        console.Profile.Height = height;
        console.Profile.Capabilities.Unicode = true;
        console.Write(frame);
        return writer.ToString();
    }
}
