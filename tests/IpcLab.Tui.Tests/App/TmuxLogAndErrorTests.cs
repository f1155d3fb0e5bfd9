namespace IpcLab.Tui.Tests.App;

/// <summary>
/// The real <c>ipclab</c> in a real terminal (tmux, 120x40): with <c>--log</c> the log goes to its
/// file and never to the screen the TUI owns; a program on the list that does not compile is
/// reported on the status line, and the terminal is given back after q as usual.
/// </summary>
public sealed class TmuxLogAndErrorTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Log_InRealTerminal_GoesToTheFileAndNeverToTheScreen()
    {
        var log = _dir.File("tui.log");
        using var tmux = Start("log", Repo.Root, $"tui lessons/bounded-buffer.ipl --log '{log}' --log-level debug");
        tmux.WaitForScreen(s => s.Contains("step 0: no thread has run yet", StringComparison.Ordinal), "the run screen at step 0");
        tmux.SendKeys("Space");
        var screen = tmux.WaitForScreen(s => s.Contains("step 1: ", StringComparison.Ordinal), "step 1");
        Assert.DoesNotContain("[INF]", screen, StringComparison.Ordinal);
        Assert.DoesNotContain("[DBG]", screen, StringComparison.Ordinal);

        tmux.SendKeys("q");
        tmux.WaitForScreen(s => s.Contains("quit without saving?", StringComparison.Ordinal), "q to ask about the steps not saved");
        tmux.SendKeys("y");
        tmux.WaitForScreen(s => s.Contains("ipclab-exit=", StringComparison.Ordinal), "the program to end after q");

        Assert.Equal("0 1", tmux.Display("#{alternate_on} #{cursor_flag}"));
        Assert.Contains("ipclab-exit=0", tmux.Screen(), StringComparison.Ordinal);
        var text = File.ReadAllText(log);
        Assert.Contains("IpcLab: opening the terminal UI on lessons/bounded-buffer.ipl", text, StringComparison.Ordinal);
        Assert.Contains("IpcLab.Tui: terminal UI starts on a 120x40 terminal, screen Run", text, StringComparison.Ordinal);
        Assert.Contains("[DBG]", text, StringComparison.Ordinal);
        Assert.Contains("IpcLab.Tui: terminal UI ends with exit code 0", text, StringComparison.Ordinal);
    }

    [Fact]
    public void ProgramThatDoesNotCompile_OpenedFromTheList_IsReportedAndQRestoresTheTerminal()
    {
        Directory.CreateDirectory(_dir.File("lessons"));
        File.WriteAllText(_dir.File("lessons/bad.ipl"), "# does not compile\nmutex m\nthread t:\n    lok m\n");
        using var tmux = Start("badlesson", _dir.Path, "tui");
        tmux.WaitForScreen(s => s.Contains("does not compile", StringComparison.Ordinal), "the list of programs");

        tmux.SendKeys("Enter");
        tmux.WaitForScreen(s => s.Contains("bad.ipl:4:5: unknown operation 'lok'", StringComparison.Ordinal), "the compile error on the status line");
        Assert.Equal("1", tmux.Display("#{alternate_on}"));
        tmux.SendKeys("q");
        tmux.WaitForScreen(s => s.Contains("ipclab-exit=", StringComparison.Ordinal), "the program to end after q");

        Assert.Equal("0 1", tmux.Display("#{alternate_on} #{cursor_flag}"));
        Assert.Contains("ipclab-exit=0", tmux.Screen(), StringComparison.Ordinal);
    }

    private static Tmux Start(string name, string workingDirectory, string arguments)
    {
        Tmux.RequireInstalled();
        Assert.True(File.Exists(Repo.IpclabDll), $"the ipclab command is not built at {Repo.IpclabDll}");
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";

        // The shell stays after the program ends, so the pane's terminal state can still be read.
        var command = $"'{dotnet}' '{Repo.IpclabDll}' {arguments}; echo ipclab-exit=$?; sleep 600";
        return new Tmux($"ipclab-{name}", 120, 40, workingDirectory, command);
    }
}
