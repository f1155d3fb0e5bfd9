using System.Diagnostics;
using System.Globalization;

namespace IpcLab.Core.Tests.Cli;

/// <summary>
/// A signal while the command writes a file stops the write: no temporary file stays behind, the
/// target is untouched, and the exit code is 128 + the signal's number.
/// </summary>
[Collection(RealSignals.Name)]
public sealed class WriteInterruptTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Write_SignalBeforeTheRename_WritesNothingAndExitsWith130()
    {
        var target = _dir.File("run.json");
        File.WriteAllText(target, "old");
        using var interrupt = new IpcLab.WriteInterrupt();
        interrupt.Stop(2);

        var error = Assert.Throws<IpcLab.InputException>(() => IpcLab.AtomicFile.Write(target, "new", [], interrupt));

        Assert.Equal($"{target}: not written: stopped by SIGINT", error.Message);
        Assert.Equal(130, error.ExitCode);
        Assert.Equal("old", File.ReadAllText(target));
        Assert.Equal(["run.json"], Directory.GetFiles(_dir.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void WriteInterrupt_RealSigterm_IsCaughtAndCancelsTheWrite()
    {
        using var interrupt = new IpcLab.WriteInterrupt();

        using (var kill = Process.Start("kill", ["-TERM", Environment.ProcessId.ToString(CultureInfo.InvariantCulture)]))
        {
            kill.WaitForExit();
        }

        Assert.True(interrupt.Token.WaitHandle.WaitOne(TimeSpan.FromSeconds(30)), "SIGTERM did not reach the write's handler");
        Assert.Equal(15, interrupt.Signal);
        Assert.Equal(143, interrupt.ExitCode);
        Assert.Equal("SIGTERM", interrupt.SignalName);
    }
}
