namespace IpcLab.Core.Tests.Cli;

public sealed class RunCommandTests
{
    [Fact]
    public void Run_CorrectBuffer_PrintsNumberedStepsAndExitsZero()
    {
        var run = CliRun.Of("run", RepoFiles.Lesson("bounded-buffer.ipl"), "--seed", "3");

        Assert.Equal(0, run.Exit);
        Assert.StartsWith(" step  thread      what happened", run.Out, StringComparison.Ordinal);
        Assert.Contains("    1  ", run.Out, StringComparison.Ordinal);
        Assert.Contains("result: ok: every thread finished", run.Out, StringComparison.Ordinal);
        Assert.Contains("scheduler: random (seed 3)", run.Out, StringComparison.Ordinal);
        Assert.Equal(6, CountOf(run.Out, "prints: job producer-"));
    }

    [Fact]
    public void Run_CargillWithDeadlockingSeed_ExplainsTheDeadlockAndExitsOne()
    {
        var run = CliRun.Of("run", RepoFiles.Lesson("cargill-deadlock.ipl"), "--seed", "15");

        Assert.Equal(1, run.Exit);
        Assert.Contains("deadlock: no thread can run: producer waits on changed; consumer-1 waits on changed; consumer-2 waits on changed", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_SaveThenReplay_ReproducesEveryLine()
    {
        using var dir = new TempDir();
        var saved = dir.File("run.json");
        var first = CliRun.Of("run", RepoFiles.Lesson("bounded-buffer-if.ipl"), "--seed", "2", "--save", saved);
        var replay = CliRun.Of("run", RepoFiles.Lesson("bounded-buffer-if.ipl"), "--replay", saved);

        Assert.Equal(1, first.Exit);
        Assert.Equal(1, replay.Exit);
        Assert.Equal(StepsOnly(first.Out), StepsOnly(replay.Out));
        Assert.Contains("take from empty queue buffer", replay.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_Trace_WritesOneJsonObjectPerEvent()
    {
        using var dir = new TempDir();
        var trace = dir.File("trace.jsonl");
        var run = CliRun.Of("run", RepoFiles.Lesson("bounded-buffer.ipl"), "--round-robin", "--trace", trace);

        var lines = File.ReadAllLines(trace);
        Assert.Equal(0, run.Exit);
        Assert.NotEmpty(lines);
        Assert.All(lines, l => Assert.StartsWith("{\"step\":", l, StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("\"kind\":\"put\"", StringComparison.Ordinal) && l.Contains("\"object\":\"buffer\"", StringComparison.Ordinal));
    }

    [Fact]
    public void Run_ScriptWithError_PrintsFileLineColumnAndExitsTwo()
    {
        using var dir = new TempDir();
        var script = dir.File("bad.ipl");
        File.WriteAllText(script, "mutex m\ncond c\n\nthread t:\n    wait m, m\n");

        var run = CliRun.Of("run", script);

        Assert.Equal(2, run.Exit);
        Assert.Equal("", run.Out);
        Assert.Contains($"{script}:5:10: wait expects a condition variable, but m is a mutex", run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_MissingFile_ExitsTwoWithMessage()
    {
        var run = CliRun.Of("run", "/nonexistent/x.ipl");

        Assert.Equal(2, run.Exit);
        Assert.Contains("/nonexistent/x.ipl: no such file", run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_TwoSchedulers_IsAUsageError()
    {
        var run = CliRun.Of("run", RepoFiles.Lesson("bounded-buffer.ipl"), "--seed", "1", "--round-robin");

        Assert.Equal(2, run.Exit);
        Assert.Contains("choose one scheduler", run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_UnknownOption_IsAUsageError()
    {
        var run = CliRun.Of("run", RepoFiles.Lesson("bounded-buffer.ipl"), "--sede", "1");

        Assert.Equal(2, run.Exit);
        Assert.Contains("--sede", run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_CorruptSavedRun_ReportsPositionAndWritesNothing()
    {
        using var dir = new TempDir();
        var saved = dir.File("run.json");
        File.WriteAllText(saved, "{\n  \"format\": \"ipclab-run/1\",\n  \"schedule\": [ {\"run\": }\n}");
        var save = dir.File("again.json");

        var run = CliRun.Of("run", RepoFiles.Lesson("bounded-buffer.ipl"), "--replay", saved, "--save", save);

        Assert.Equal(2, run.Exit);
        Assert.Contains($"{saved}:3:", run.Err, StringComparison.Ordinal);
        Assert.False(File.Exists(save));
    }

    [Fact]
    public void Run_SavedRunThatDoesNotFit_IsRejected()
    {
        using var dir = new TempDir();
        var saved = dir.File("run.json");
        CliRun.Of("run", RepoFiles.Lesson("bounded-buffer.ipl"), "--seed", "4", "--save", saved);
        var text = File.ReadAllText(saved).Replace("\"run\": \"producer-1\"", "\"run\": \"producer-9\"", StringComparison.Ordinal);
        File.WriteAllText(saved, text);

        var run = CliRun.Of("run", RepoFiles.Lesson("bounded-buffer.ipl"), "--replay", saved);

        Assert.Equal(2, run.Exit);
        Assert.Contains("names thread 'producer-9', which the scenario does not have", run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_EndlessLoop_EndsAtTheStepBudget()
    {
        using var dir = new TempDir();
        var script = dir.File("spin.ipl");
        File.WriteAllText(script, "thread spinner:\n    while true:\n        pass\n");

        var run = CliRun.Of("run", script, "--max-steps", "50");

        Assert.Equal(1, run.Exit);
        Assert.Contains("used its budget of 50 steps", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_SaveIntoMissingFolder_ExitsTwoAndSaysWhy()
    {
        var run = CliRun.Of("run", RepoFiles.Lesson("lost-update.ipl"), "--save", "/nonexistent-folder/run.json");

        Assert.Equal(2, run.Exit);
        Assert.Contains("/nonexistent-folder/run.json: cannot write: the folder /nonexistent-folder does not exist", run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void NoVerb_ListsTheLessons()
    {
        var run = CliRun.Of();

        Assert.Equal(0, run.Exit);
        Assert.Contains("cargill-deadlock.ipl", run.Out, StringComparison.Ordinal);
        Assert.Contains("bounded-buffer.ipl", run.Out, StringComparison.Ordinal);
    }

    private static int CountOf(string text, string part) => text.Split(part).Length - 1;

    private static string StepsOnly(string output) =>
        string.Join('\n', output.Split('\n').TakeWhile(l => !l.StartsWith("scheduler:", StringComparison.Ordinal)));
}
