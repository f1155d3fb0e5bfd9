using static IpcLab.Tui.Tests.App.TuiHarness;

namespace IpcLab.Tui.Tests.App;

/// <summary>The start screen: choose a program, open it; a program that does not compile stays on the list, with its position.</summary>
public sealed class StartScreenTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void IpclabTui_WithoutFile_ListsLessonsWithBoundedBufferHighlighted()
    {
        using var tui = Open(file: null);
        var names = tui.State.Lessons.Select(l => l.Name).ToArray();

        Assert.Equal(Screen.Start, tui.State.Screen);
        Assert.Contains("bounded-buffer", names);
        Assert.Equal("bounded-buffer", tui.State.Lessons[tui.State.LessonIndex].Name);
    }

    [Fact]
    public void Enter_OnStartScreen_OpensHighlightedProgramOnRunScreen()
    {
        using var tui = Open(file: null);
        tui.Run(Press(ConsoleKey.DownArrow), Press(ConsoleKey.Enter));

        Assert.Equal(Screen.Run, tui.State.Screen);
        Assert.Equal(tui.State.Lessons[tui.State.LessonIndex].Path, tui.State.FileName);
        Assert.StartsWith("step 0: ", tui.State.Status, StringComparison.Ordinal);
    }

    [Fact]
    public void Enter_ProgramDoesNotCompile_StaysOnStartScreenWithFileLineAndColumn()
    {
        var bad = _dir.Write("bad.ipl", "mutex m\nthread t:\n    lok m\n");
        var good = Repo.Lesson("lost-update.ipl");
        var state = new TuiState { Lessons = [new LessonEntry(bad, "bad", ""), new LessonEntry(good, "lost-update", "")] };
        using var tui = new TuiHarness(state);

        tui.Run(Press(ConsoleKey.Enter));
        Assert.Equal(Screen.Start, state.Screen);
        Assert.Null(state.Session);
        Assert.StartsWith($"{bad}:3:5: ", state.Status, StringComparison.Ordinal);

        tui.Run(Press(ConsoleKey.DownArrow), Press(ConsoleKey.Enter));
        Assert.Equal(Screen.Run, state.Screen);
        Assert.Equal(good, state.FileName);
    }

    [Fact]
    public void Enter_ProgramWithTwelveThousandTermExpression_IsACompileErrorOnTheStartScreen()
    {
        var chain = string.Join(" + ", Enumerable.Repeat("1", 12_000));
        var deep = _dir.Write("deep.ipl", $"thread t:\n    x = {chain}\n");
        var state = new TuiState { Lessons = [new LessonEntry(deep, "deep", "")] };
        using var tui = new TuiHarness(state);

        tui.Run(Press(ConsoleKey.Enter));

        Assert.Equal(Screen.Start, state.Screen);
        Assert.Null(state.Session);
        Assert.StartsWith($"{deep}:2:", state.Status, StringComparison.Ordinal);
        Assert.Contains("expression too deep", state.Status, StringComparison.Ordinal);
    }

    [Fact]
    public void KeyM_OnTheRunScreen_GoesBackToTheProgramList()
    {
        using var tui = Open(file: null);
        tui.Run(Press(ConsoleKey.Enter), Keys("  my"), Press(ConsoleKey.DownArrow), Press(ConsoleKey.Enter));

        Assert.Equal(Screen.Run, tui.State.Screen);
        Assert.Equal(tui.State.Lessons[tui.State.LessonIndex].Path, tui.State.FileName);
        Assert.Equal(0, tui.Session.Position);
    }

    [Theory]
    [InlineData("q")]
    [InlineData("\x03")]
    public void QOrCtrlC_OnStartScreen_Quits(string key)
    {
        using var tui = Open(file: null);
        var exit = tui.Run(Keys(key), Press(ConsoleKey.Enter));

        Assert.Equal(0, exit);
        Assert.Equal(Screen.Start, tui.State.Screen);
        Assert.Equal(2, tui.Frames.Count);
    }
}
