using IpcLab.Core.Tests.Regressions;

namespace IpcLab.Core.Tests.Cli;

/// <summary>
/// `run` and `check` print what scripts say (print output, assertion messages, strings in events)
/// with control characters escaped visibly (`\e`, `\t`, `\n`, `\x07`), so a string holding an escape
/// sequence is shown, never obeyed by the terminal, and one step stays one line.
/// </summary>
public sealed class TerminalEscapeTests
{
    private static readonly string Script = Path.Combine(RegressionInputTests.Folder, "escape-sequences-in-strings.ipl");

    [Fact]
    public void Run_PrintOfEscapeSequences_ShowsThemEscaped()
    {
        var run = CliRun.Of("run", Script);

        Assert.Equal(1, run.Exit);
        Assert.Contains(@"t       prints: red \e[31m text \e[0m and a bell \x07", run.Out, StringComparison.Ordinal);
        Assert.Contains(@"t       prints: 8-bit csi \x9b2J \e]0;pwned\x07", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain(run.Out, c => char.IsControl(c) && c is not '\n' and not '\r');
    }

    [Fact]
    public void Run_FailedAssertionWithEscapeSequence_IsEscapedInTheStepAndTheSummary()
    {
        var run = CliRun.Of("run", Script);

        Assert.Contains(@"assertion failed: clear \e[2J screen", run.Out, StringComparison.Ordinal);
        Assert.Contains(@"  - step 3: t at line 8: assertion failed: clear \e[2J screen", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_FindingWithEscapeSequence_IsEscapedEverywhere()
    {
        var run = CliRun.Of("check", Script, "--runs", "3");

        Assert.Equal(1, run.Exit);
        Assert.Contains(@"assertion failed: clear \e[2J screen", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', run.Out);
        Assert.DoesNotContain('\u009b', run.Out);
    }

    [Fact]
    public void Run_PrintOfTabAndNewline_StaysOnOneLine()
    {
        using var dir = new TempDir();
        var script = dir.File("tab.ipl");
        File.WriteAllText(script, "thread t:\n    print \"a\\tb\\nc\"\n");

        var run = CliRun.Of("run", script);

        Assert.Contains(@"    1  t       prints: a\tb\nc", run.Out, StringComparison.Ordinal);
    }
}
