using IpcLab.Tui.Tests.App;
using static IpcLab.Tui.Tests.App.TuiHarness;

namespace IpcLab.Tui.Tests.Lessons;

/// <summary>The default (Spectre) screen that <c>make run</c> opens: the path is listed, Enter opens a lesson's first program, and the status line says where its story is.</summary>
public sealed class SpectreLessonTests
{
    [Fact]
    public void Enter_OnTheNextLesson_OpensItsFirstProgramAndSaysWhereItsStoryIs()
    {
        var tui = new TuiHarness(new LessonKit().StartScreen());
        tui.Run(Idle(1));
        Assert.Contains("› ▶ 01 lost-update", tui.Frame, StringComparison.Ordinal);

        tui.Run(Press(ConsoleKey.Enter));

        Assert.Equal(Screen.Run, tui.State.Screen);
        Assert.Equal("lessons/lost-update.ipl", tui.State.FileName);
        Assert.Contains("its story, checkpoints and challenges: ipclab tui --terminal-gui, or ipclab lesson lost-update", tui.State.Status, StringComparison.Ordinal);
        Assert.False(tui.State.LessonScreen.PaneAvailable);
    }
}
