namespace IpcLab.Tui.Tests.App;

/// <summary>
/// <c>ipclab tui FILE</c> checks FILE before it touches the terminal: a bad file is an error on
/// stderr (with file:line:col for scripts) and exit code 2, with nothing on stdout.
/// </summary>
public sealed class TuiVerbTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    private static (int Exit, string Out, string Err) Ipclab(params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        var exit = Cli.Execute(args, o, e);
        return (exit, o.ToString(), e.ToString());
    }

    [Fact]
    public void Tui_ScriptThatDoesNotCompile_IsReportedWithItsPosition()
    {
        var bad = _dir.Write("bad.ipl", "mutex m\nthread t:\n    lok m\n");
        var (exit, output, err) = Ipclab("tui", bad);

        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.StartsWith($"ipclab: {bad}:3:5: ", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Tui_MissingFile_IsReported()
    {
        var (exit, _, err) = Ipclab("tui", _dir.File("nope.ipl"));

        Assert.Equal(2, exit);
        Assert.Contains("nope.ipl: no such file", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Tui_SavedRunNotFittingItsScenario_IsReported()
    {
        var run = _dir.Write("run.json", """
            {"format": "ipclab-run/1", "scriptFile": "x.ipl", "script": "mutex m\nthread t:\n    lock m\n",
             "schedule": [{"run": "t"}, {"run": "t"}]}
            """);
        var (exit, _, err) = Ipclab("tui", run, "--at", "1");

        Assert.Equal(2, exit);
        Assert.Contains($"{run}: the saved schedule does not fit the scenario: entry 2", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Tui_SavedRunEventsDifferFromReplay_IsReported()
    {
        var run = _dir.Write("run.json", """
            {"format": "ipclab-run/1", "scriptFile": "x.ipl", "script": "mutex m\nthread t:\n    lock m\n",
             "schedule": [{"run": "t"}], "events": ["t unlocks m"]}
            """);
        var (exit, _, err) = Ipclab("tui", run);

        Assert.Equal(2, exit);
        Assert.Contains("the replay differs from the saved run at event 1: saved \"t unlocks m\", replayed \"t locks m\"", err, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--at", "3")]
    [InlineData("--at", "-1")]
    public void At_WithoutFileOrWithNegativeStep_IsRefused(params string[] args)
    {
        var (exit, output, err) = Ipclab(["tui", .. args]);

        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.StartsWith("ipclab: --at", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Ipclab_AloneWritingToPipe_PrintsLessonListAndPointsToTui()
    {
        var (exit, output, _) = Ipclab();

        Assert.Equal(0, exit);
        Assert.Contains("bounded-buffer.ipl", output, StringComparison.Ordinal);
        Assert.Contains("ipclab tui ", output, StringComparison.Ordinal);
        Assert.DoesNotContain("not built", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_ScriptAtStepN_OpensAtStepN()
    {
        var state = TuiVerb.Open(Repo.Lesson("bounded-buffer.ipl"), 12);

        Assert.Equal(Screen.Run, state.Screen);
        Assert.Equal(12, state.Session!.Position);
        Assert.StartsWith("step 12: ", state.Status, StringComparison.Ordinal);
    }
}
