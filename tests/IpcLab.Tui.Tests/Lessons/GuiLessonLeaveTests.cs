using IpcLab.Tui.Tests.Gui;

namespace IpcLab.Tui.Tests.Lessons;

/// <summary>Leaving a lesson's run on the Terminal.Gui screen: the steps taken along the lesson's fixed run are work not saved anywhere.</summary>
public sealed class GuiLessonLeaveTests
{
    [Fact]
    public void Quit_AfterACheckpointsVerdictIsClosed_AsksFirst()
    {
        using var gui = new LessonKit().Gui("lost-update", 120, 40);

        gui.Type(" 0\r\rq");

        Assert.Null(gui.State.LessonScreen.Dialog);
        Assert.Equal(PromptKind.ConfirmQuit, gui.State.Prompt);
        Assert.Contains("Quit?", gui.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Quit_AtStep0OfALesson_QuitsWithoutAsking()
    {
        using var gui = new LessonKit().Gui("lost-update", 120, 40);

        gui.Type("q");

        Assert.Equal(PromptKind.None, gui.State.Prompt);
        Assert.Equal(0, gui.State.UnsavedSteps);
    }

    [Fact]
    public void Esc_AfterSteppingALesson_AsksBeforeGoingBackToTheLessons()
    {
        using var gui = new LessonKit().Gui("lost-update", 120, 40);

        gui.Type(" 0\r\r\u001b");

        Assert.Equal(PromptKind.ConfirmBack, gui.State.Prompt);
        Assert.Equal(Screen.Run, gui.State.Screen);
        gui.Type("y");
        Assert.Equal(Screen.Start, gui.State.Screen);
    }
}
