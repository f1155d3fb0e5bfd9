using System.Text.RegularExpressions;
using IpcLab.Core.Tests.Cli;

namespace IpcLab.Core.Tests.Regressions;

/// <summary>
/// Every file in <c>Regressions/inputs</c> once crashed the command or gave a wrong answer. Each
/// goes through the real command line (<see cref="IpcLab.Cli.Execute"/>): scripts with run, check
/// and tui, saved runs with run --replay and tui. Whatever the file holds, the command ends with
/// exit code 0, 1 or 2, never with an exception; an error in a script names file:line:column.
/// </summary>
public sealed partial class RegressionInputTests
{
    public static string Folder { get; } = Path.Combine(RepoFiles.Root, "tests", "IpcLab.Core.Tests", "Regressions", "inputs");

    public static TheoryData<string> Scripts => Files("*.ipl");

    public static TheoryData<string> SavedRuns => Files("*.json");

    [Theory]
    [MemberData(nameof(Scripts))]
    public void Run_RegressionScript_EndsCleanly(string name)
    {
        var path = Path.Combine(Folder, name);
        var run = CliRun.Of("run", path, "--max-steps", "2000");

        AssertClean(run);
        AssertScriptErrorPositioned(run, path);
    }

    [Theory]
    [MemberData(nameof(Scripts))]
    public void Check_RegressionScript_EndsCleanly(string name)
    {
        var path = Path.Combine(Folder, name);
        var run = CliRun.Of("check", path, "--runs", "20", "--max-steps", "2000");

        AssertClean(run);
        AssertScriptErrorPositioned(run, path);
    }

    [Theory]
    [MemberData(nameof(Scripts))]
    public void Tui_RegressionScript_IsCheckedBeforeTheTerminal(string name)
    {
        var path = Path.Combine(Folder, name);
        var run = Tui(path);

        AssertClean(run);
        Assert.Equal(2, run.Exit);
        if (!run.Err.Contains("needs a terminal", StringComparison.Ordinal))
        {
            AssertScriptErrorPositioned(run, path);
        }
    }

    [Theory]
    [MemberData(nameof(SavedRuns))]
    public void Replay_RegressionSavedRun_EndsCleanly(string name)
    {
        var path = Path.Combine(Folder, name);
        var run = CliRun.Of("run", path, "--replay", path);

        AssertClean(run);
        if (run.Exit == 2)
        {
            Assert.StartsWith($"ipclab: {path}", run.Err, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(SavedRuns))]
    public void Tui_RegressionSavedRun_IsCheckedBeforeTheTerminal(string name)
    {
        var path = Path.Combine(Folder, name);
        var run = Tui(path);

        AssertClean(run);
        Assert.Equal(2, run.Exit);
        if (!run.Err.Contains("needs a terminal", StringComparison.Ordinal))
        {
            Assert.StartsWith($"ipclab: {path}", run.Err, StringComparison.Ordinal);
        }
    }

    /// <summary>`ipclab tui FILE`; when the tests run on a real terminal, only the checks it makes before taking it.</summary>
    private static CliRun Tui(string path)
    {
        if (!IpcLab.TuiVerb.IsTerminal)
        {
            return CliRun.Of("tui", path);
        }

        try
        {
            IpcLab.TuiVerb.Open(path, null);
            return new CliRun(2, "", "ipclab: the terminal view needs a terminal");
        }
        catch (IpcLab.InputException e)
        {
            return new CliRun(2, "", $"ipclab: {e.Message}\n");
        }
    }

    private static void AssertClean(CliRun run)
    {
        Assert.InRange(run.Exit, 0, 2);
        Assert.DoesNotContain("Exception", run.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", run.Out, StringComparison.Ordinal);
        Assert.DoesNotMatch(StackFrame(), run.Err);
    }

    /// <summary>A script that is rejected (exit 2) is rejected at a position inside the file.</summary>
    private static void AssertScriptErrorPositioned(CliRun run, string path)
    {
        if (run.Exit != 2)
        {
            return;
        }

        var match = Regex.Match(run.Err, $@"^ipclab: {Regex.Escape(path)}:(\d+):(\d+): ");
        Assert.True(match.Success, $"expected `ipclab: {path}:LINE:COLUMN: ...`, got: {run.Err}");
        var lines = File.ReadAllText(path).Split('\n');
        var line = int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var column = int.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(line, 1, lines.Length);
        Assert.InRange(column, 1, lines[line - 1].Length + 1);
    }

    private static TheoryData<string> Files(string pattern)
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Folder, pattern).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [GeneratedRegex(@"^\s+at \S", RegexOptions.Multiline)]
    private static partial Regex StackFrame();
}
