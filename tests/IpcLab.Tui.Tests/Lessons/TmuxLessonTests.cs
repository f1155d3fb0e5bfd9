using IpcLab.Tui.Tests.App;

namespace IpcLab.Tui.Tests.Lessons;

/// <summary>
/// A student's sitting of lesson 01 with the real program in a live shell in tmux (120x40): a
/// checkpoint answered wrong, one answered right, the right one kept in the progress file, and the
/// terminal given back as the shell had it.
/// </summary>
public sealed class TmuxLessonTests : IDisposable
{
    private const string Flags = "#{alternate_on} #{cursor_flag} #{keypad_cursor_flag} #{keypad_flag}";

    private readonly TempFolder _state = new();

    public void Dispose() => _state.Dispose();

    [Fact]
    public void LessonOne_OneWrongOneRight_ProgressKeptAndTerminalGivenBack()
    {
        Tmux.RequireInstalled();
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
        using var tmux = new Tmux("ipclab-lesson-walk", 120, 40, Repo.Root, "bash --norc --noprofile -i");
        WaitForPrompt(tmux);

        tmux.SendKeys($"XDG_STATE_HOME='{_state.Path}' '{dotnet}' '{Repo.IpclabDll}' tui lessons/01-lost-update.md", "Enter");
        tmux.WaitForScreen(s => s.Contains("Lesson 01 · The lost update", StringComparison.Ordinal), "the lesson beside the run");
        tmux.SendKeys("Space");
        tmux.WaitForScreen(s => s.Contains("Checkpoint 1", StringComparison.Ordinal), "checkpoint 1 asked");
        tmux.SendKeys("1", "Enter");
        tmux.WaitForScreen(s => s.Contains("not quite: the answer is 0", StringComparison.Ordinal), "the kernel's answer to a wrong one");
        tmux.SendKeys("Enter", "Space", "Space", "Space");
        tmux.WaitForScreen(s => s.Contains("Checkpoint 2", StringComparison.Ordinal), "checkpoint 2 asked at the end");
        tmux.SendKeys("2", "Enter");
        tmux.WaitForScreen(s => s.Contains("right: 2", StringComparison.Ordinal), "the kernel's answer to a right one");
        tmux.SendKeys("Enter", "q");

        WaitForPrompt(tmux);
        Assert.Equal("0 1 0 0", tmux.Display(Flags));
        var progress = File.ReadAllText(Path.Combine(_state.Path, "ipclab", "progress.json"));
        Assert.Contains("\"checkpoints\": [\n        2\n      ]", progress, StringComparison.Ordinal);
    }

    private static void WaitForPrompt(Tmux tmux) =>
        tmux.WaitForScreen(s => s.TrimEnd().Split('\n')[^1].TrimEnd() is ['b', 'a', 's', 'h', '-', .., '#' or '$'], "the shell prompt");
}
