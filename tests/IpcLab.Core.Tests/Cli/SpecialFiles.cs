using System.Diagnostics;

namespace IpcLab.Core.Tests.Cli;

/// <summary>Makes and inspects files that are not regular files, with the system's own tools (not the code under test).</summary>
internal static class SpecialFiles
{
    /// <summary>A named pipe (mkfifo).</summary>
    public static void MakeFifo(string path) => Tool("mkfifo", path);

    /// <summary>A second name for the same file (ln).</summary>
    public static void MakeHardLink(string existing, string path) => Tool("ln", existing, path);

    /// <summary>
    /// A character device the test may lose: as root, a private copy of /dev/null made with mknod in
    /// the test's folder, so the real one is never at stake; otherwise /dev/null itself, which a user
    /// other than root cannot replace.
    /// </summary>
    public static string DeviceToWriteOnto(string folder)
    {
        if (Environment.UserName != "root")
        {
            return "/dev/null";
        }

        var path = Path.Combine(folder, "null-device");
        Tool("mknod", path, "c", "1", "3");
        return path;
    }

    /// <summary>What `stat` says the path is, without following a symbolic link: "fifo", "character special file", "regular file", ...</summary>
    public static string TypeOf(string path) => Tool("stat", "-c", "%F", path).Trim();

    private static string Tool(string name, params string[] args)
    {
        var start = new ProcessStartInfo(name) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{name} {string.Join(' ', args)} failed: {error}");
        return output;
    }
}
