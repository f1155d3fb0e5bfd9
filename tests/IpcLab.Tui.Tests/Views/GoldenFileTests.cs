using Xunit.Sdk;

namespace IpcLab.Tui.Tests.Views;

/// <summary>The golden-file helper itself: it writes a missing file locally but fails in CI.</summary>
public sealed class GoldenFileTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "ipclab-golden-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    [Fact]
    public void Missing_InCi_FailsAndWritesNothing()
    {
        var path = Path.Combine(_dir, "frame.txt");

        Assert.Throws<FailException>(() => GoldenFile.Compare(path, "frame", update: false, ci: true));
        Assert.False(File.Exists(path));
    }

    [Fact]
    public void Missing_Locally_IsWritten_ThenCompared()
    {
        var path = Path.Combine(_dir, "frame.txt");

        GoldenFile.Compare(path, "line 1\nline 2", update: false, ci: false);

        Assert.Equal("line 1\nline 2\n", File.ReadAllText(path));
        GoldenFile.Compare(path, "line 1\nline 2", update: false, ci: true);
        Assert.Throws<EqualException>(() => GoldenFile.Compare(path, "line 1\nline 3", update: false, ci: true));
    }

    [Fact]
    public void Update_RewritesAnExistingFile()
    {
        var path = Path.Combine(_dir, "frame.txt");
        GoldenFile.Compare(path, "old", update: false, ci: false);

        GoldenFile.Compare(path, "new", update: true, ci: true);

        Assert.Equal("new\n", File.ReadAllText(path));
    }

    [Fact]
    public void CrLfInTheFile_StillMatches()
    {
        Directory.CreateDirectory(_dir);
        var path = Path.Combine(_dir, "frame.txt");
        File.WriteAllText(path, "line 1\r\nline 2\r\n");

        GoldenFile.Compare(path, "line 1\nline 2", update: false, ci: true);
    }
}
