using System.Diagnostics;
using System.Runtime.Versioning;
using IpcLab.Tui.App;
using static IpcLab.Tui.Tests.App.TuiHarness;

namespace IpcLab.Tui.Tests.App;

/// <summary>
/// How a file is written (the TUI's S key, and the command's --save and --trace): through a
/// temporary file with a random name beside the target, removed whenever the write does not
/// finish; never onto something that is not a regular file, nor onto the script that is open.
/// </summary>
[UnsupportedOSPlatform("windows")]
public sealed class WholeFileTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Write_FailsAfterTheTemporaryFileIsWritten_RemovesItAndKeepsTheTarget()
    {
        var target = _dir.Write("run.json", "old");
        string? temp = null;

        var error = Assert.Throws<IOException>(() => WholeFile.Write(target, "new", [], path =>
        {
            temp = path;
            Assert.True(File.Exists(path));
            throw new IOException("the disk is full");
        }, CancellationToken.None));

        Assert.Equal("the disk is full", error.Message);
        Assert.False(File.Exists(temp));
        Assert.Equal("old", File.ReadAllText(target));
        Assert.Equal(["run.json"], Directory.GetFileSystemEntries(_dir.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void Write_CancelledBeforeTheRename_RemovesTheTemporaryFile()
    {
        var target = _dir.File("run.json");
        using var cancel = new CancellationTokenSource();

        Assert.Throws<OperationCanceledException>(() => WholeFile.Write(target, "new", [], _ => cancel.Cancel(), cancel.Token));

        Assert.Empty(Directory.GetFileSystemEntries(_dir.Path));
    }

    [Fact]
    public void RemoveUnfinished_WhileAWriteIsUnderWay_RemovesItsTemporaryFileAndTheTargetStays()
    {
        var target = _dir.Write("run.json", "old");

        Assert.Throws<FileNotFoundException>(() => WholeFile.Write(target, "new", [], _ => WholeFile.RemoveUnfinished(), CancellationToken.None));

        Assert.Equal("old", File.ReadAllText(target));
        Assert.Equal(["run.json"], Directory.GetFileSystemEntries(_dir.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void Write_TemporaryFile_HasAnUnpredictableNameBesideTheTarget()
    {
        var target = _dir.File("run.json");
        var temps = new List<string>();

        WholeFile.Write(target, "one", [], temps.Add, CancellationToken.None);
        WholeFile.Write(target, "two", [], temps.Add, CancellationToken.None);

        Assert.Equal(2, temps.Distinct().Count());
        Assert.All(temps, t => Assert.Matches(@"^\.run\.json\.[0-9a-f]{16}\.tmp$", Path.GetFileName(t)));
        Assert.All(temps, t => Assert.Equal(_dir.Path, Path.GetDirectoryName(t)));
        Assert.Equal("two", File.ReadAllText(target));
    }

    [Fact]
    public void Write_NewFile_IsCreatedWithTheText()
    {
        var target = _dir.File("trace.jsonl");

        WholeFile.Write(target, "{\"step\":1}\n");

        Assert.Equal("{\"step\":1}\n", File.ReadAllText(target));
        Assert.Equal(FileType.Regular, NativeFiles.Inspect(target).Type);
    }

    [Fact]
    public void SaveKey_OntoANamedPipe_SaysWhyAndThePipeStays()
    {
        var fifo = _dir.File("pipe.json");
        using (var mkfifo = Process.Start("mkfifo", [fifo]))
        {
            mkfifo.WaitForExit();
        }

        using var tui = Open(Repo.Lesson("lost-update.ipl"), workingDirectory: _dir.Path);
        tui.Type("  S" + new string('\b', 30) + "pipe.json\r");

        Assert.Equal("could not save pipe.json: it is a named pipe (FIFO), not a regular file; ipclab writes runs and traces only to regular files", tui.State.Status);
        Assert.Equal(FileType.NamedPipe, NativeFiles.Inspect(fifo).Type);
        Assert.Equal(["pipe.json"], Directory.GetFileSystemEntries(_dir.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void SaveKey_OntoTheOpenScript_IsRefusedAndTheScriptStays()
    {
        var script = _dir.Write("mine.ipl", File.ReadAllText(Repo.Lesson("lost-update.ipl")));
        var before = File.ReadAllText(script);

        using var tui = Open(script, workingDirectory: _dir.Path);
        tui.Type(" S" + new string('\b', 30) + "mine.ipl\r");

        Assert.Equal("could not save mine.ipl: it is the script of this run; choose another file name", tui.State.Status);
        Assert.Equal(before, File.ReadAllText(script));
    }
}
