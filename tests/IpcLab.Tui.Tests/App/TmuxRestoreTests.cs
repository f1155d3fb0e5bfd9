namespace IpcLab.Tui.Tests.App;

/// <summary>
/// The real program typed into a live shell in tmux (120x40): however it is left, the terminal is
/// given back as the shell had it — normal screen, visible cursor, and normal (not application)
/// cursor-key and keypad modes: <c>#{alternate_on} #{cursor_flag} #{keypad_cursor_flag} #{keypad_flag}</c>
/// read <c>0 1 0 0</c> before and after.
/// </summary>
public sealed class TmuxRestoreTests
{
    private const string Flags = "#{alternate_on} #{cursor_flag} #{keypad_cursor_flag} #{keypad_flag}";
    private const string Step0 = "step 0: no thread has run yet";

    public static TheoryData<string, string, string[][]> WaysOut => new()
    {
        { "q", "", [["q"]] },
        { "esc-then-q", "", [["Escape"], ["q"]] },
        { "ctrl-c", "", [["Space"], ["C-c"]] },
        { "ctrl-z-fg-q", "", [["C-z"], ["fg", "Enter"], ["q"]] },
        { "gui-q", " --terminal-gui", [["q"]] },
        { "gui-esc-then-q", " --terminal-gui", [["Escape"], ["q"]] },
        { "gui-ctrl-c", " --terminal-gui", [["Space"], ["C-c"]] },
    };

    [Theory]
    [MemberData(nameof(WaysOut))]
    public void Leaving_AnyWay_GivesTheTerminalBackAsTheShellHadIt(string name, string options, string[][] keys)
    {
        Tmux.RequireInstalled();
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
        using var tmux = new Tmux($"ipclab-restore-{name}", 120, 40, Repo.Root, "bash --norc --noprofile -i");
        WaitForPrompt(tmux);
        Assert.Equal("0 1 0 0", tmux.Display(Flags));

        tmux.SendKeys($"'{dotnet}' '{Repo.IpclabDll}' tui lessons/bounded-buffer.ipl{options}", "Enter");
        tmux.WaitForScreen(s => s.Contains(Step0, StringComparison.Ordinal), "the run screen at step 0");
        foreach (var press in keys)
        {
            if (press is ["fg", ..])
            {
                tmux.WaitForScreen(s => s.Contains("Stopped", StringComparison.Ordinal), "the shell to report the job stopped");
                Assert.Equal("0 1 0 0", tmux.Display(Flags));
            }

            tmux.SendKeys(press);
            if (press is ["Escape"])
            {
                tmux.WaitForScreen(s => s.Contains("back to the programs", StringComparison.Ordinal), "the list of programs after Esc");
            }
            else if (press is ["fg", ..])
            {
                tmux.WaitForScreen(s => s.Contains("back after Ctrl-Z", StringComparison.Ordinal), "the run screen again after fg");
            }
        }

        WaitForPrompt(tmux);
        tmux.SendKeys("echo ipclab-exit=$?", "Enter");
        tmux.WaitForScreen(s => s.Contains("ipclab-exit=0", StringComparison.Ordinal), "the program's exit code 0");
        Assert.Equal("0 1 0 0", tmux.Display(Flags));
    }

    private static void WaitForPrompt(Tmux tmux) =>
        tmux.WaitForScreen(s => s.TrimEnd().Split('\n')[^1].TrimEnd() is ['b', 'a', 's', 'h', '-', .., '#' or '$'], "the shell prompt");
}
