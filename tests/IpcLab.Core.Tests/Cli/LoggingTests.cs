using IpcLab.Diagnostics;

namespace IpcLab.Core.Tests.Cli;

/// <summary>
/// <c>--log FILE</c> / <c>IPCLAB_LOG</c> and <c>--log-level</c> / <c>IPCLAB_LOG_LEVEL</c>: what the
/// command logs, and what an internal error does (exit 70, one sentence on stderr, the stack trace
/// in the log file or a crash log, never on the screen).
/// </summary>
public sealed class LoggingTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Run_WithLog_LogsTheVerbItsArgumentsTheProgramAndTheOutcome()
    {
        var log = _dir.File("ipclab.log");
        var lesson = RepoFiles.Lesson("bounded-buffer.ipl");

        var run = CliRun.Of("run", lesson, "--seed", "3", "--log", log);

        var text = File.ReadAllText(log);
        Assert.Equal(0, run.Exit);
        Assert.Equal("", run.Err);
        Assert.DoesNotContain("[INF]", run.Out, StringComparison.Ordinal);
        Assert.Contains($"ipclab run starts with arguments [\"run\",\"{lesson}\",\"--seed\",\"3\",\"--log\",\"{log}\"]", text, StringComparison.Ordinal);
        Assert.Contains($"compiled {lesson}: 3 threads, 4 objects, 1 processes", text, StringComparison.Ordinal);
        Assert.Contains($"run of {lesson} under random (seed 3) ended after", text, StringComparison.Ordinal);
        Assert.Contains("Completed, 0 findings", text, StringComparison.Ordinal);
        Assert.Contains("ipclab run ends with exit code 0", text, StringComparison.Ordinal);
        Assert.DoesNotContain("[DBG]", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_LogOntoAFifo_IsRefusedBeforeTheRunAndTheFifoStays()
    {
        var fifo = _dir.File("pipe");
        SpecialFiles.MakeFifo(fifo);

        var run = CliRun.Of("run", RepoFiles.Lesson("bounded-buffer.ipl"), "--log", fifo);

        Assert.Equal(2, run.Exit);
        Assert.Equal("", run.Out);
        Assert.Equal($"ipclab: {fifo}: cannot write the log file: it is a named pipe (FIFO), not a regular file\n", run.Err.ReplaceLineEndings("\n"));
        Assert.Equal("fifo", SpecialFiles.TypeOf(fifo));
    }

    [Theory]
    [InlineData("run")]
    [InlineData("check")]
    public void Verb_LogOntoItsOwnScript_IsRefusedAndTheScriptIsUnchanged(string verb)
    {
        var script = _dir.File("copy.ipl");
        File.Copy(RepoFiles.Lesson("lost-update.ipl"), script);
        var before = File.ReadAllText(script);

        var run = CliRun.Of(verb, script, "--log", script);

        Assert.Equal(2, run.Exit);
        Assert.Equal($"ipclab: {script}: cannot write the log file: the command reads it; choose another file name\n", run.Err.ReplaceLineEndings("\n"));
        Assert.Equal(before, File.ReadAllText(script));
    }

    [Fact]
    public void Run_LogBeforeTheVerbAtTraceLevel_LogsFindingsAndEverySentence()
    {
        var log = _dir.File("trace.log");

        var run = CliRun.Of("--log", log, "--log-level", "trace", "run", RepoFiles.Lesson("cargill-deadlock.ipl"), "--seed", "15");

        var text = File.ReadAllText(log);
        Assert.Equal(1, run.Exit);
        Assert.Contains("[DBG] (pid", text, StringComparison.Ordinal);
        Assert.Contains("finding at step", text, StringComparison.Ordinal);
        Assert.Contains("deadlock: no thread can run", text, StringComparison.Ordinal);
        Assert.Contains("[VRB] (pid", text, StringComparison.Ordinal);
        Assert.Contains("step 1: ", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_LogFileAndLevelFromTheEnvironment_AreUsed()
    {
        var log = _dir.File("env.log");
        var env = CliRun.Environment(_dir.Path, (LogSettings.FileVariable, log), (LogSettings.LevelVariable, "WARNING"));

        var run = CliRun.In(env, "run", "/nonexistent/x.ipl");

        var text = File.ReadAllText(log);
        Assert.Equal(2, run.Exit);
        Assert.Contains("[WRN] (pid 4242) IpcLab: bad input or usage (exit code 2): /nonexistent/x.ipl: no such file", text, StringComparison.Ordinal);
        Assert.DoesNotContain("[INF]", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_WithLog_LogsTheSearch()
    {
        var log = _dir.File("check.log");

        var run = CliRun.Of("check", RepoFiles.Lesson("lost-update.ipl"), "--runs", "20", "--log", log);

        Assert.Equal(1, run.Exit);
        Assert.Contains("check of ", File.ReadAllText(log), StringComparison.Ordinal);
        Assert.Contains("20 runs from seed 1", File.ReadAllText(log), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--log-level", "loud", "--log-level must be one of trace, debug, information, warning, error, critical, none; 'loud' is not a level")]
    [InlineData("--log-level", "", "--log-level must be one of trace, debug, information, warning, error, critical, none; '' is not a level")]
    [InlineData("--log", "", "--log needs a file name")]
    public void Run_BadLogOption_IsAUsageError(string option, string value, string message)
    {
        var run = CliRun.Of("run", RepoFiles.Lesson("bounded-buffer.ipl"), option, value);

        Assert.Equal(2, run.Exit);
        Assert.Equal("", run.Out);
        Assert.Equal($"ipclab: {message}", run.Err.TrimEnd());
    }

    [Fact]
    public void Run_BadLevelInTheEnvironment_IsAUsageErrorNamingTheVariable()
    {
        var run = CliRun.In(CliRun.Environment(_dir.Path, (LogSettings.LevelVariable, "verbose")), "run", RepoFiles.Lesson("bounded-buffer.ipl"));

        Assert.Equal(2, run.Exit);
        Assert.Equal("ipclab: IPCLAB_LOG_LEVEL must be one of trace, debug, information, warning, error, critical, none; 'verbose' is not a level", run.Err.TrimEnd());
    }

    [Fact]
    public void Run_LogInAFolderThatDoesNotExist_IsAUsageError()
    {
        var log = _dir.File("missing/ipclab.log");

        var run = CliRun.Of("run", RepoFiles.Lesson("bounded-buffer.ipl"), "--log", log);

        Assert.Equal(2, run.Exit);
        Assert.StartsWith($"ipclab: {log}: cannot write the log file: ", run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void InternalError_WithLog_ExitsSeventyWithOneSentenceAndTheStackTraceInTheLog()
    {
        var log = _dir.File("crash.log");
        var env = CliRun.Environment(_dir.Path) with { BeforeVerb = Crash };

        var run = CliRun.In(env, "run", RepoFiles.Lesson("bounded-buffer.ipl"), "--log", log);

        Assert.Equal(CrashReport.ExitCode, run.Exit);
        Assert.Equal("", run.Out);
        Assert.Equal(
            $"ipclab: internal error (injected: a bug in the run verb); this is a bug in ipclab, please report it: the details are in the log {log}",
            Assert.Single(Lines(run.Err)));
        var text = File.ReadAllText(log);
        Assert.Contains("[FTL] (pid 4242) IpcLab: internal error in ipclab run (exit code 70)", text, StringComparison.Ordinal);
        Assert.Contains("System.InvalidOperationException: injected: a bug in the run verb", text, StringComparison.Ordinal);
        Assert.Contains("   at IpcLab.Core.Tests.Cli.LoggingTests.Crash(String verb)", text, StringComparison.Ordinal);
        Assert.Contains("ipclab run ends with exit code 70", text, StringComparison.Ordinal);
        Assert.False(File.Exists(CrashReport.CrashLogPath(env)));
    }

    [Fact]
    public void InternalError_WithoutLog_WritesACrashLogNamedInTheOneSentence()
    {
        var env = CliRun.Environment(_dir.Path) with { BeforeVerb = Crash };
        var crashLog = Path.Combine(_dir.Path, "ipclab-crash-4242.log");

        var run = CliRun.In(env, "check", RepoFiles.Lesson("bounded-buffer.ipl"), "--runs", "3");

        Assert.Equal(70, run.Exit);
        Assert.Equal(
            $"ipclab: internal error (injected: a bug in the check verb); this is a bug in ipclab, please report it: the details are in {crashLog}",
            Assert.Single(Lines(run.Err)));
        Assert.DoesNotContain("   at ", run.Err, StringComparison.Ordinal);
        var text = File.ReadAllText(crashLog);
        Assert.Contains("ipclab internal error, pid 4242", text, StringComparison.Ordinal);
        Assert.Contains($"arguments: check {RepoFiles.Lesson("bounded-buffer.ipl")} --runs 3", text, StringComparison.Ordinal);
        Assert.Contains("IpcLab: ipclab check starts with arguments", text, StringComparison.Ordinal);
        Assert.Contains("System.InvalidOperationException: injected: a bug in the check verb", text, StringComparison.Ordinal);
        Assert.Contains("   at IpcLab.Core.Tests.Cli.LoggingTests.Crash(String verb)", text, StringComparison.Ordinal);
    }

    [Fact]
    public void InternalError_LogLevelNone_StillKeepsTheDetailsInACrashLog()
    {
        var env = CliRun.Environment(_dir.Path) with { BeforeVerb = Crash };

        var run = CliRun.In(env, "run", RepoFiles.Lesson("bounded-buffer.ipl"), "--log", _dir.File("none.log"), "--log-level", "none");

        Assert.Equal(70, run.Exit);
        Assert.False(File.Exists(_dir.File("none.log")));
        Assert.Contains("System.InvalidOperationException", File.ReadAllText(CrashReport.CrashLogPath(env)), StringComparison.Ordinal);
    }

    private static void Crash(string verb) => throw new InvalidOperationException($"injected: a bug in the {verb} verb");

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
