using System.Diagnostics;

namespace IpcLab.Tui.Tests.App;

/// <summary>
/// The real <c>ipclab</c> binary in a real terminal (tmux, 120x40): keys move the run, the screen
/// shows it, and the terminal is given back (normal screen, visible cursor) after q, after
/// SIGTERM, and while the job is stopped by Ctrl-Z (the screen; the key modes only once quit). Fails, not skips, when tmux is missing.
/// </summary>
public sealed class TmuxEndToEndTests
{
    private const string Step0 = "step 0: no thread has run yet";

    [Fact]
    public void Keys_InRealTerminal_StepRunThreadStepBackAndQRestoresTerminal()
    {
        using var tmux = StartBoundedBuffer("keys");
        tmux.WaitForScreen(s => s.Contains(Step0, StringComparison.Ordinal), "the run screen at step 0");
        Assert.Equal("1", tmux.Display("#{alternate_on}"));

        tmux.SendKeys("Space", "Space", "Space", "Space", "Space");
        tmux.WaitForScreen(s => s.Contains("step 5: producer-2 blocks on m: held by producer-1", StringComparison.Ordinal), "step 5 after five steps");
        tmux.SendKeys("1");
        tmux.WaitForScreen(s => s.Contains("step 6: producer-1 ", StringComparison.Ordinal), "step 6 after running thread 1");
        tmux.SendKeys("b");
        var screen = tmux.WaitForScreen(s => s.Contains("step 5: producer-2 blocks on m", StringComparison.Ordinal), "step 5 again after b");

        Assert.Contains("producer-1", screen, StringComparison.Ordinal);
        Assert.Contains("producer-2", screen, StringComparison.Ordinal);
        Assert.Contains("consumer", screen, StringComparison.Ordinal);
        Assert.Contains("step", screen, StringComparison.Ordinal);

        tmux.SendKeys("q");
        tmux.WaitForScreen(s => s.Contains("quit without saving?", StringComparison.Ordinal), "q to ask about the steps not saved");
        tmux.SendKeys("y");
        tmux.WaitForScreen(s => s.Contains("ipclab-exit=", StringComparison.Ordinal), "the program to end after q y");
        AssertRestored(tmux, expectedExit: 0);
    }

    [Fact]
    public void Sigterm_InRealTerminal_RestoresTerminal()
    {
        using var tmux = StartBoundedBuffer("sigterm");
        tmux.WaitForScreen(s => s.Contains(Step0, StringComparison.Ordinal), "the run screen at step 0");
        var pid = Assert.Single(tmux.PaneChildren());

        using (var kill = Process.Start("sh", ["-c", $"kill -TERM {pid}"]))
        {
            kill.WaitForExit();
            Assert.Equal(0, kill.ExitCode);
        }

        tmux.WaitForScreen(s => s.Contains("ipclab-exit=", StringComparison.Ordinal), "the program to end after SIGTERM");
        AssertRestored(tmux, expectedExit: 143);
    }

    [Fact]
    public void CtrlZ_InAShell_StopsTheJobRestoresTheTerminalAndFgRedraws()
    {
        Tmux.RequireInstalled();
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
        using var tmux = new Tmux("ipclab-ctrlz", 120, 40, Repo.Root, "bash --norc --noprofile -i");
        tmux.SendKeys($"'{dotnet}' '{Repo.IpclabDll}' tui lessons/bounded-buffer.ipl", "Enter");
        tmux.WaitForScreen(s => s.Contains(Step0, StringComparison.Ordinal), "the run screen at step 0");
        tmux.SendKeys("Space");
        tmux.WaitForScreen(s => s.Contains("step 1: ", StringComparison.Ordinal), "step 1");

        tmux.SendKeys("C-z");
        tmux.WaitForScreen(s => s.Contains("Stopped", StringComparison.Ordinal), "the shell to report the job stopped");
        // The cursor keys and keypad stay in application mode while stopped (a known gap, in the
        // README); they are given back in normal mode once quit.
        Assert.Equal("0 1", tmux.Display("#{alternate_on} #{cursor_flag}"));

        tmux.SendKeys("fg", "Enter");
        tmux.WaitForScreen(s => s.Contains("back after Ctrl-Z", StringComparison.Ordinal), "the run screen again after fg");
        Assert.Equal("1", tmux.Display("#{alternate_on}"));
        tmux.SendKeys("Space");
        tmux.WaitForScreen(s => s.Contains("step 2: ", StringComparison.Ordinal), "keys still work after fg");

        // Once the shell's prompt is back, $? is the job's exit code.
        tmux.SendKeys("q");
        tmux.WaitForScreen(s => s.Contains("quit without saving?", StringComparison.Ordinal), "q to ask about the steps not saved");
        tmux.SendKeys("y");
        tmux.WaitForScreen(s => s.TrimEnd().Split('\n')[^1].TrimEnd() is ['b', 'a', 's', 'h', '-', .., '#' or '$'], "the shell prompt after q");
        tmux.SendKeys("echo ipclab-exit=$?", "Enter");
        tmux.WaitForScreen(s => s.Contains("ipclab-exit=0", StringComparison.Ordinal), "the program to end after q");
        Assert.Equal("0 1 0 0", tmux.Display("#{alternate_on} #{cursor_flag} #{keypad_cursor_flag} #{keypad_flag}"));
    }

    private static Tmux StartBoundedBuffer(string name)
    {
        Tmux.RequireInstalled();
        Assert.True(File.Exists(Repo.IpclabDll), $"the ipclab command is not built at {Repo.IpclabDll}");
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";

        // The shell stays after the program ends, so the pane's terminal state can still be read.
        var command = $"'{dotnet}' '{Repo.IpclabDll}' tui lessons/bounded-buffer.ipl; echo ipclab-exit=$?; sleep 600";
        return new Tmux($"ipclab-{name}", 120, 40, Repo.Root, command);
    }

    private static void AssertRestored(Tmux tmux, int expectedExit)
    {
        Assert.Equal("0 1 0 0", tmux.Display("#{alternate_on} #{cursor_flag} #{keypad_cursor_flag} #{keypad_flag}"));
        Assert.Contains($"ipclab-exit={expectedExit}", tmux.Screen(), StringComparison.Ordinal);
    }
}
