namespace IpcLab.Core.Tests.Cli;

/// <summary>Finds files of the repository (lessons/) from the test's output folder.</summary>
internal static class RepoFiles
{
    public static string Root { get; } = FindRoot();

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
