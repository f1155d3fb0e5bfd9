using System.Diagnostics;
using System.Runtime.Versioning;

namespace IpcLab.Core.Tests.Cli;

/// <summary>
/// <c>make run</c>, with a stand-in for dotnet that records its arguments and exits with a code
/// of the test's choosing when it is asked to run ipclab: what make builds and how it ends.
/// </summary>
[UnsupportedOSPlatform("windows")]
public sealed class MakeRunTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void MakeRun_AnyArgs_BuildsOnlyTheCommandNotTheSolutionTestsOrBenchmarks()
    {
        var make = MakeRun("run lessons/lost-update.ipl", ipclabExit: 0);

        Assert.Equal(0, make.Exit);
        Assert.Equal(
            [
                "publish src/IpcLab/IpcLab.csproj -c Release --use-current-runtime --self-contained false -p:PublishReadyToRun=true -o src/IpcLab/bin/Release/ready -nologo",
                "src/IpcLab/bin/Release/ready/ipclab.dll run lessons/lost-update.ipl",
            ],
            Calls());
    }

    [Fact]
    public void MakeRun_Build_ReadsNoTerminalSoItLeavesTheKeypadModeAlone()
    {
        MakeRun("tui", ipclabExit: 0);

        Assert.Equal("/dev/null", File.ReadAllLines(_dir.File("stdin.txt"))[0]);
    }

    [Fact]
    public void MakeRun_RunEndsInAFinding_SaysSoWithoutAMakeError()
    {
        var make = MakeRun("run lessons/lost-update.ipl --seed 2", ipclabExit: 1);

        Assert.Equal(0, make.Exit);
        Assert.Contains("(ipclab exited with 1: the run ended in a finding)", make.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Error", make.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void MakeRun_UsageError_FailsWithItsCode()
    {
        var make = MakeRun("run nope.ipl", ipclabExit: 2);

        Assert.Equal(2, make.Exit);
        Assert.Contains("Error 2", make.Output, StringComparison.Ordinal);
    }

    private string[] Calls() => File.ReadAllLines(_dir.File("calls.txt"));

    private (int Exit, string Output) MakeRun(string args, int ipclabExit)
    {
        var stub = _dir.File("dotnet");
        File.WriteAllText(stub, $"""
            #!/bin/sh
            echo "$*" >> '{_dir.File("calls.txt")}'
            readlink /proc/self/fd/0 >> '{_dir.File("stdin.txt")}'
            case "$1" in *ipclab.dll) exit {ipclabExit};; esac
            exit 0
            """.ReplaceLineEndings("\n"));
        File.SetUnixFileMode(stub, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        var start = new ProcessStartInfo("make")
        {
            WorkingDirectory = RepoFiles.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            ArgumentList = { "--no-print-directory", "run", $"DOTNET={stub}", $"ARGS={args}" },
            RedirectStandardInput = true,
        };
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output + error.Result);
    }
}
