using IpcLab.Tui.App;
using Microsoft.Extensions.Logging;
using Terminal.Gui.App;

namespace IpcLab.Tui.Gui;

/// <summary>
/// Runs the Terminal.Gui run screen on the real terminal (ipclab tui --terminal-gui, in progress).
/// Terminal.Gui logs through the command's logger (the --log file, or nowhere), never the screen.
/// </summary>
public static class GuiTui
{
    /// <param name="theme">The theme given with --theme (then remembered), or null for the remembered one (see <see cref="ThemeFile"/>).</param>
    public static int Run(TuiState state, ILogger log, ScreenTheme? theme = null)
    {
        Logging.Logger = log;
        try
        {
            using (var app = Application.Create())
            {
                app.Init();
                var screen = new GuiRunScreen(state, new KeyHandler(state, Environment.CurrentDirectory));
                var file = ThemeFile.ForUser();
                string? problem = null;
                screen.Theme = theme ?? file.Load(out problem);
                problem = theme is { } given ? file.Save(given) : problem;
                state.Status = problem ?? state.Status;
                screen.ThemeChosen = file.Save;
                app.Run(screen);
                screen.Dispose();
            }

            return 0;
        }
        finally
        {
            // As the Spectre UI does: the cursor keys and keypad back in normal mode for the shell.
            using var stdout = Console.OpenStandardOutput();
            stdout.Write("\x1b[?1l\x1b>"u8);
        }
    }
}
