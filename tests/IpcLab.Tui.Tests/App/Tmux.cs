using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;

namespace IpcLab.Tui.Tests.App;

/// <summary>
/// A private tmux server (its own socket, no user config) with one detached session of a fixed
/// size running a command, for driving the real program as a learner would. Waiting is polling
/// for a condition with short sleeps, bounded by <see cref="Patience"/>. Dispose kills the server.
/// </summary>
internal sealed class Tmux : IDisposable
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private readonly string _socket = "ipclab-e2e-" + Guid.NewGuid().ToString("N")[..12];
    private readonly string _session;

    /// <summary>Starts <paramref name="command"/> (a shell command line) in a new session of <paramref name="width"/> x <paramref name="height"/>.</summary>
    public Tmux(string session, int width, int height, string workingDirectory, string command)
    {
        _session = session;
        Run("-f", "/dev/null", "new-session", "-d", "-s", _session, "-x", $"{width}", "-y", $"{height}", "-c", workingDirectory, command);
    }

    /// <summary>Fails the test, with the reason, when tmux is not installed (make test and .ci/run install it).</summary>
    public static void RequireInstalled()
    {
        try
        {
            using var p = Process.Start(new ProcessStartInfo("tmux", "-V") { RedirectStandardOutput = true, RedirectStandardError = true })!;
            p.WaitForExit();
        }
        catch (Win32Exception e)
        {
            Assert.Fail($"tmux is not installed, and the end-to-end test of the terminal UI needs it ({e.Message}). "
                + "Install it (apt-get install -y tmux); `make test` and .ci/run do that on a fresh machine.");
        }
    }

    public void SendKeys(params string[] keys) => Run(["send-keys", "-t", _session, .. keys]);

    public string Screen() => Run("capture-pane", "-p", "-t", _session);

    public string Display(string format) => Run("display-message", "-p", "-t", _session, format).Trim();

    /// <summary>Polls the screen until it satisfies <paramref name="condition"/>; fails with the last screen after <see cref="Patience"/>.</summary>
    public string WaitForScreen(Func<string, bool> condition, string what)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var screen = Screen();
            if (condition(screen))
            {
                return screen;
            }

            if (clock.Elapsed > Patience)
            {
                Assert.Fail($"waited {Patience.TotalSeconds} s for {what}; the screen was:\n{screen}");
            }

            Thread.Sleep(100);
        }
    }

    /// <summary>The process ids whose parent is the pane's shell (the program under test).</summary>
    public IReadOnlyList<int> PaneChildren()
    {
        var pane = Display("#{pane_pid}");
        var children = new List<int>();
        foreach (var dir in Directory.GetDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) || !File.Exists(Path.Combine(dir, "stat")))
            {
                continue;
            }

            string stat;
            try
            {
                stat = File.ReadAllText(Path.Combine(dir, "stat"));
            }
            catch (IOException)
            {
                continue; // the process ended between listing and reading: it is not the one we look for
            }

            // "pid (comm) state ppid ...": comm may hold spaces, so read after the last ')'.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            if (fields[1] == pane)
            {
                children.Add(pid);
            }
        }

        return children;
    }

    public void Dispose() => Run("kill-server");

    private string Run(params string[] args)
    {
        var info = new ProcessStartInfo("tmux") { RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add("-L");
        info.ArgumentList.Add(_socket);
        info.ArgumentList.Add("-u");
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        info.Environment["LANG"] = "C.UTF-8";
        using var p = Process.Start(info)!;
        var output = p.StandardOutput.ReadToEnd();
        var error = p.StandardError.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0 && args[0] != "kill-server")
        {
            Assert.Fail($"tmux {string.Join(' ', args)} failed ({p.ExitCode}): {error}");
        }

        return output;
    }
}
