using IpcLab.Core.Lessons;
using IpcLab.Core.Sessions;
using IpcLab.Tui.Lessons;
using IpcLab.Tui.Views;

namespace IpcLab.Tui.App;

/// <summary>Opens a lesson on the run screen: one of its programs, with the lesson's own run ready to step through.</summary>
public static class LessonOpener
{
    /// <summary>Opens the lesson at its first program, with the narrative pane shown.</summary>
    public static void Open(TuiState state, Lesson lesson)
    {
        var screen = state.LessonScreen;
        screen.Open = new OpenLesson(lesson);
        screen.PaneShown = true;
        screen.Dialog = null;
        if (screen.Open.Sections.Count == 0)
        {
            screen.Open = null;
            state.Status = $"{lesson.File}: the lesson has no program to run";
            return;
        }

        OpenSection(state, 0);
        if (screen.Course is { } course && course.StateOf(lesson) == LessonState.Locked)
        {
            state.Status = $"opened, though it is locked: first take {string.Join(", ", course.MissingPrerequisites(lesson))} · {state.Status}";
        }
    }

    /// <summary>
    /// Puts program <paramref name="index"/> of the open lesson on the run screen. Its timeline is
    /// the lesson's run (the schedule of its block), computed by the kernel: space redoes it step
    /// by step, so the checkpoints ask about the run the lesson was written for; choosing another
    /// thread starts a run of the student's own.
    /// </summary>
    public static void OpenSection(TuiState state, int index)
    {
        var open = state.LessonScreen.Open!;
        open.SectionIndex = index;
        open.EventMark = 0;
        state.LessonScreen.PaneScroll = 0;
        state.LessonScreen.Dialog = null;
        var program = open.Section.Program;
        var run = new LessonRun(program);
        run.RunToEnd();
        var schedule = run.Kernel.Schedule.ToArray();
        var session = RunFiles.NewSession(program.Compiled, schedule.Length);
        if (program.Schedule.Kind == ScheduleKind.Seed)
        {
            session.UseScheduler(SchedulerKind.Random, program.Schedule.Seed);
        }
        else
        {
            session.UseScheduler(SchedulerKind.RoundRobin);
        }

        session.Load(schedule, 0);
        var programs = open.Sections.Count;
        var lesson = $"lesson {LessonPathView.Number(open.Lesson)} · program {program.Name}{(programs > 1 ? $" ({index + 1} of {programs})" : "")}";
        RunFiles.Show(state, session, program.Compiled.File, $"{lesson}{(programs > 1 ? " · p: next program" : "")} · l: story · t: challenges");
        state.SavedTimeline = [.. session.Timeline];
    }

    /// <summary>
    /// Leaving the run screen for the path: the lesson closes, and when the lesson just left is
    /// done, the next lesson of the path is highlighted.
    /// </summary>
    public static void Leave(TuiState state)
    {
        var screen = state.LessonScreen;
        var left = screen.Open?.Lesson;
        screen.Open = null;
        screen.Dialog = null;
        if (left is null || screen.Course is not { } course || !course.Progress.IsDone(left) || course.Next is not { } next)
        {
            return;
        }

        var index = state.Lessons.ToList().FindIndex(e => e.Lesson?.Id == next.Id);
        state.LessonIndex = index >= 0 ? index : state.LessonIndex;
    }
}
