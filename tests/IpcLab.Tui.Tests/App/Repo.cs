namespace IpcLab.Tui.Tests.App;

/// <summary>Files of the repository, found from the test's output folder (tests/IpcLab.Tui.Tests/bin/CONFIG/net10.0).</summary>
internal static class Repo
{
    public static string Root { get; } = FindRoot();

    /// <summary>The build configuration the tests were built with (Debug or Release).</summary>
    public static string Configuration { get; } = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;

    /// <summary>The ipclab command built with the same configuration (the test project references it, so it is built).</summary>
    public static string IpclabDll => Path.Combine(Root, "src", "IpcLab", "bin", Configuration, "net10.0", "ipclab.dll");

    public static string Lesson(string name) => Path.Combine(Root, "lessons", name);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "IpcLab.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("cannot find the repository root (IpcLab.sln) above " + AppContext.BaseDirectory);
    }
}
