namespace IpcLab.Benchmarks;

/// <summary>Where the repository is (the benchmarks read its lessons), found from the running assembly up.</summary>
internal static class RepoFolder
{
    public static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "IpcLab.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"no IpcLab.sln above {AppContext.BaseDirectory}");
    }
}
