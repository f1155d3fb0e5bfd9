namespace IpcLab.Tui.Tests.App;

/// <summary>
/// The real program typed into a live shell in tmux (120x40), ten times each way out after a step:
/// however it is left, the terminal is given back as the shell had it — normal screen, visible
/// cursor, and normal (not application) cursor-key and keypad modes:
/// <c>#{alternate_on} #{cursor_flag} #{keypad_cursor_flag} #{keypad_flag}</c> read <c>0 1 0 0</c>
/// before and after. One shell per way; the program starts in it ten times.
/// </summary>
public sealed class TmuxRestoreTests
{
    private const string Flags = "#{alternate_on} #{cursor_flag} #{keypad_cursor_flag} #{keypad_flag}";
    private const string Step0 = "step 0: no thread has run yet";
    private const int Times = 10;

    /// <summary>Each press, and the text the screen shows once it has been taken ("" for none: the shell's prompt comes next).</summary>
    public static TheoryData<string, string[][], string[]> WaysOut => new()
    {
        { "q", [["Space"], ["q"], ["y"]], ["step 1: ", "quit without saving?", ""] },
        // Esc goes back to the list of programs (asking first: a step is not saved); Esc there stays; q quits.
        { "esc-esc-q", [["Space"], ["Escape"], ["y"], ["Escape"], ["q"]], ["step 1: ", "back to the programs without saving?", "back to the programs: ↑/↓", "this is the list of programs", ""] },
        { "ctrl-c", [["Space"], ["C-c"]], ["step 1: ", ""] },
        { "ctrl-z-fg-q", [["Space"], ["C-z"], ["fg", "Enter"], ["q"], ["y"]], ["step 1: ", "Stopped", "back after Ctrl-Z", "quit without saving?", ""] },
    };

    [Theory]
    [MemberData(nameof(WaysOut))]
    public void Leaving_AnyWayTenTimes_GivesTheTerminalBackAsTheShellHadIt(string name, string[][] presses, string[] shown)
    {
        Tmux.RequireInstalled();
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
        using var tmux = new Tmux($"ipclab-restore-{name}", 120, 40, Repo.Root, "bash --norc --noprofile -i");
        WaitForPrompt(tmux);
        Assert.Equal("0 1 0 0", tmux.Display(Flags));

        for (var time = 1; time <= Times; time++)
        {
            tmux.SendKeys("clear", "Enter");
            WaitForPrompt(tmux);
            tmux.SendKeys($"'{dotnet}' '{Repo.IpclabDll}' tui lessons/bounded-buffer.ipl", "Enter");
            tmux.WaitForScreen(s => s.Contains(Step0, StringComparison.Ordinal), $"the run screen at step 0 ({name}, time {time})");
            for (var i = 0; i < presses.Length; i++)
            {
                tmux.SendKeys(presses[i]);
                if (shown[i].Length > 0)
                {
                    tmux.WaitForScreen(s => s.Contains(shown[i], StringComparison.Ordinal), $"\"{shown[i]}\" after {string.Join(' ', presses[i])} ({name}, time {time})");
                }

                if (shown[i] == "Stopped")
                {
                    // The shell has the terminal as it had it: the normal screen, the cursor, and
                    // the cursor keys and keypad in normal mode (its arrows must not send ESC O A).
                    Assert.Equal("0 1 0 0", tmux.Display(Flags));
                }
            }

            WaitForPrompt(tmux);
            tmux.SendKeys("echo ipclab-exit=$?", "Enter");
            tmux.WaitForScreen(s => s.Contains("ipclab-exit=0", StringComparison.Ordinal), $"the program's exit code 0 ({name}, time {time})");
            Assert.Equal("0 1 0 0", tmux.Display(Flags));
        }
    }

    private static void WaitForPrompt(Tmux tmux) =>
        tmux.WaitForScreen(s => s.TrimEnd().Split('\n')[^1].TrimEnd() is ['b', 'a', 's', 'h', '-', .., '#' or '$'], "the shell prompt");
}
