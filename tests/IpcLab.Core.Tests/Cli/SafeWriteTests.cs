using System.Runtime.Versioning;

namespace IpcLab.Core.Tests.Cli;

/// <summary>
/// `--save` and `--trace` write only regular files: a named pipe, a device, a symbolic link or a
/// folder is refused (exit 2) and stays what it was; a file that is replaced keeps its mode; the
/// script or saved run being read is never overwritten; the temporary file is created exclusively
/// under an unpredictable name, so a link planted beside the target is never followed.
/// </summary>
[UnsupportedOSPlatform("windows")]
public sealed class SafeWriteTests : IDisposable
{
    private static readonly string Lesson = RepoFiles.Lesson("lost-update.ipl");
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData("--save")]
    [InlineData("--trace")]
    public void Run_WriteOntoAFifo_IsRefusedAndTheFifoStays(string option)
    {
        var fifo = _dir.File("pipe");
        SpecialFiles.MakeFifo(fifo);

        var run = CliRun.Of("run", Lesson, option, fifo);

        Assert.Equal(2, run.Exit);
        Assert.Equal("", run.Out);
        Assert.Equal($"ipclab: {fifo}: cannot write: it is a named pipe (FIFO), not a regular file; ipclab writes runs and traces only to regular files\n", run.Err.ReplaceLineEndings("\n"));
        Assert.Equal("fifo", SpecialFiles.TypeOf(fifo));
        AssertOnlyFiles("pipe");
    }

    [Fact]
    public void Run_SaveOntoADevice_IsRefusedAndTheDeviceStays()
    {
        var device = SpecialFiles.DeviceToWriteOnto(_dir.Path);

        var run = CliRun.Of("run", Lesson, "--save", device);

        Assert.Equal(2, run.Exit);
        Assert.Contains($"{device}: cannot write: it is a device (a character special file), not a regular file", run.Err, StringComparison.Ordinal);
        Assert.Equal("character special file", SpecialFiles.TypeOf(device));
    }

    [Fact]
    public void Run_SaveOntoDevNull_IsRefusedAndDevNullStaysADevice()
    {
        // Checked first, so that a broken check can never get as far as replacing /dev/null.
        Assert.Equal(IpcLab.Tui.App.FileType.CharacterDevice, IpcLab.Tui.App.NativeFiles.Inspect("/dev/null").Type);

        var run = CliRun.Of("run", Lesson, "--save", "/dev/null");

        Assert.Equal(2, run.Exit);
        Assert.Contains("/dev/null: cannot write: it is a device (a character special file), not a regular file", run.Err, StringComparison.Ordinal);
        Assert.Equal("character special file", SpecialFiles.TypeOf("/dev/null"));
    }

    [Theory]
    [InlineData("--save")]
    [InlineData("--trace")]
    public void Run_WriteOntoASymbolicLink_IsRefusedAndNeitherTheLinkNorItsTargetChanges(string option)
    {
        var victim = _dir.File("victim.txt");
        File.WriteAllText(victim, "keep me");
        var link = _dir.File("out.json");
        File.CreateSymbolicLink(link, victim);

        var run = CliRun.Of("run", Lesson, option, link);

        Assert.Equal(2, run.Exit);
        Assert.Contains($"{link}: cannot write: it is a symbolic link (to {victim}), not a regular file", run.Err, StringComparison.Ordinal);
        Assert.Equal("symbolic link", SpecialFiles.TypeOf(link));
        Assert.Equal("keep me", File.ReadAllText(victim));
    }

    [Fact]
    public void Run_SaveOntoAFolder_IsRefused()
    {
        var folder = _dir.File("runs");
        Directory.CreateDirectory(folder);

        var run = CliRun.Of("run", Lesson, "--save", folder);

        Assert.Equal(2, run.Exit);
        Assert.Contains($"{folder}: cannot write: it is a folder", run.Err, StringComparison.Ordinal);
        Assert.True(Directory.Exists(folder));
    }

    [Theory]
    [InlineData(UnixFileMode.UserRead | UnixFileMode.UserWrite)]
    [InlineData(UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead)]
    [InlineData(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.OtherRead | UnixFileMode.OtherWrite)]
    public void Run_SaveOverAnExistingFile_ReplacesItAndKeepsItsMode(UnixFileMode mode)
    {
        var target = _dir.File("run.json");
        File.WriteAllText(target, "old");
        File.SetUnixFileMode(target, mode);

        var run = CliRun.Of("run", Lesson, "--save", target);

        Assert.InRange(run.Exit, 0, 1);
        Assert.StartsWith("{", File.ReadAllText(target), StringComparison.Ordinal);
        Assert.Equal(mode, File.GetUnixFileMode(target));
        AssertOnlyFiles("run.json");
    }

    [Theory]
    [InlineData("run", "--save")]
    [InlineData("run", "--trace")]
    [InlineData("check", "--save")]
    public void Command_WriteOntoTheScriptItRuns_IsRefusedAndTheScriptStays(string verb, string option)
    {
        var script = _dir.File("x.ipl");
        File.Copy(Lesson, script);

        var run = CliRun.Of(verb, script, option, script);

        Assert.Equal(2, run.Exit);
        Assert.Equal("", run.Out);
        Assert.Contains($"{script}: cannot write: it is the script this command reads (FILE); choose another file name", run.Err, StringComparison.Ordinal);
        Assert.Equal(File.ReadAllText(Lesson), File.ReadAllText(script));
    }

    [Fact]
    public void Run_SaveOntoTheScriptThroughALinkOrAnotherName_IsRefused()
    {
        var script = _dir.File("x.ipl");
        File.Copy(Lesson, script);
        var link = _dir.File("link.ipl");
        File.CreateSymbolicLink(link, script);

        var run = CliRun.Of("run", link, "--save", Path.Combine(_dir.Path, ".", "x.ipl"));

        Assert.Equal(2, run.Exit);
        Assert.Contains("it is the script this command reads (FILE)", run.Err, StringComparison.Ordinal);
        Assert.Equal(File.ReadAllText(Lesson), File.ReadAllText(script));
    }

    [Fact]
    public void Run_SaveOntoAHardLinkOfTheScript_IsRefused()
    {
        var script = _dir.File("x.ipl");
        File.Copy(Lesson, script);
        var other = _dir.File("y.ipl");
        SpecialFiles.MakeHardLink(script, other);

        var run = CliRun.Of("run", other, "--trace", script);

        Assert.Equal(2, run.Exit);
        Assert.Contains("it is the script this command reads (FILE)", run.Err, StringComparison.Ordinal);
        Assert.Equal(File.ReadAllText(Lesson), File.ReadAllText(script));
    }

    [Fact]
    public void Run_SaveOntoTheRunItReplays_IsRefusedAndTheRunStays()
    {
        var saved = _dir.File("run.json");
        Assert.InRange(CliRun.Of("run", Lesson, "--save", saved).Exit, 0, 1);
        var before = File.ReadAllText(saved);

        var run = CliRun.Of("run", Lesson, "--replay", saved, "--save", saved);

        Assert.Equal(2, run.Exit);
        Assert.Contains($"{saved}: cannot write: it is the saved run this command reads (--replay); choose another file name", run.Err, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllText(saved));
    }

    [Fact]
    public void Run_LinkPlantedAtTheOldTemporaryName_IsNotFollowed()
    {
        var victim = _dir.File("victim.txt");
        File.WriteAllText(victim, "keep me");
        var target = _dir.File("run.json");
        File.CreateSymbolicLink(_dir.File($".run.json.{Environment.ProcessId}.tmp"), victim);

        var run = CliRun.Of("run", Lesson, "--save", target);

        Assert.InRange(run.Exit, 0, 1);
        Assert.Equal("keep me", File.ReadAllText(victim));
        Assert.Equal("regular file", SpecialFiles.TypeOf(target));
        Assert.StartsWith("{", File.ReadAllText(target), StringComparison.Ordinal);
    }

    private void AssertOnlyFiles(params string[] names) =>
        Assert.Equal(names.Order(StringComparer.Ordinal), Directory.GetFileSystemEntries(_dir.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
}
