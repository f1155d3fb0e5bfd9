using IpcLab.Core.Lessons;
using IpcLab.Tui.App;
using IpcLab.Tui.Lessons;

namespace IpcLab.Tui.Tests.Lessons;

/// <summary>The run screen pauses where <c>ipclab lesson</c> does: following the lesson's run with space, every checkpoint is asked at the step its headless walk stops at, with the same answer.</summary>
public sealed class LessonPausesTests
{
    public static TheoryData<string> Lessons()
    {
        var data = new TheoryData<string>();
        foreach (var lesson in LessonKit.Path)
        {
            data.Add(lesson.Id);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Lessons))]
    public void Check_FollowingTheLessonsRun_AsksEveryCheckpointWhereTheHeadlessWalkStops(string id)
    {
        var lesson = LessonKit.Get(id);
        var state = new LessonKit().StartScreen();
        var keys = new KeyHandler(state, Path.GetTempPath());
        LessonOpener.Open(state, lesson);
        var open = state.LessonScreen.Open!;
        var asked = new List<(int Number, int Step, string Answer)>();
        for (var section = 0; section < open.Sections.Count; section++)
        {
            if (section > 0)
            {
                LessonOpener.OpenSection(state, section);
            }

            for (var presses = 0; presses < 10_000 && !state.Session!.IsOver; presses++)
            {
                LessonPauses.Check(state);
                if (state.LessonScreen.Dialog is { Checkpoint: { } c } dialog)
                {
                    asked.Add((c.Number, dialog.Step, Answers.Compute(c.Question, state.Session.Kernel).Text));
                    state.LessonScreen.Dialog = null;
                    continue;
                }

                keys.Handle(new ConsoleKeyInfo(' ', ConsoleKey.Spacebar, false, false, false));
            }

            LessonPauses.Check(state);
            if (state.LessonScreen.Dialog is { Checkpoint: { } last } end)
            {
                asked.Add((last.Number, end.Step, Answers.Compute(last.Question, state.Session!.Kernel).Text));
                state.LessonScreen.Dialog = null;
            }
        }

        Assert.Equal(Headless(lesson), asked.OrderBy(a => a.Number).ToArray());
    }

    /// <summary>Where the headless walk (the runs of <c>ipclab lesson</c>) stops for each checkpoint, and the answer there.</summary>
    private static (int Number, int Step, string Answer)[] Headless(Lesson lesson)
    {
        var runs = new Dictionary<string, LessonRun>();
        var stops = new List<(int, int, string)>();
        foreach (var c in lesson.Checkpoints)
        {
            if (!runs.TryGetValue(c.Program, out var run))
            {
                runs[c.Program] = run = new LessonRun(lesson.ProgramNamed(c.Program));
            }

            Assert.Null(run.RunTo(c.At));
            stops.Add((c.Number, run.Kernel.StepCount, Answers.Compute(c.Question, run.Kernel).Text));
        }

        return [.. stops];
    }
}
