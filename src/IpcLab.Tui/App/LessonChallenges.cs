using IpcLab.Core.Explore;
using IpcLab.Core.Lessons;
using IpcLab.Core.Runtime;
using IpcLab.Core.Script;
using IpcLab.Tui.Lessons;
using IpcLab.Tui.Views;

namespace IpcLab.Tui.App;

/// <summary>
/// A lesson's challenges from the run screen, judged by the same kernel code as
/// <c>ipclab lesson ID --try N</c>: a reach goal on the schedule the student stepped, a fix on the
/// program file the student edited. A solved challenge and an opened hint are kept as progress.
/// </summary>
public static class LessonChallenges
{
    /// <summary>The challenge t shows first: the first not solved about the program on screen, else the first not solved, else the first.</summary>
    public static Challenge? First(TuiState state)
    {
        if (state.LessonScreen.Open is not { } open)
        {
            return null;
        }

        var solved = Solved(state, open.Lesson);
        var all = open.Lesson.Challenges.ToArray();
        return all.FirstOrDefault(c => !solved.Contains(c.Number) && c.Program == open.Section.Program.Name)
            ?? all.FirstOrDefault(c => !solved.Contains(c.Number))
            ?? all.FirstOrDefault();
    }

    /// <summary>The challenge after <paramref name="c"/> in the lesson (Tab), round to the first.</summary>
    public static Challenge After(Lesson lesson, Challenge c)
    {
        var all = lesson.Challenges.ToArray();
        return all[(Array.FindIndex(all, x => x.Number == c.Number) + 1) % all.Length];
    }

    /// <summary>The file a fix is judged from, until the student types another: the program's name with -mine, in the working folder.</summary>
    public static string SuggestedFixFile(Lesson lesson, Challenge c) =>
        Path.GetFileNameWithoutExtension(lesson.ProgramNamed(c.Program).Compiled.File) + "-mine.ipl";

    /// <summary>Judges the dialog's challenge: the run on screen for a reach goal, the file typed for a fix; fills in the verdict and what to try next.</summary>
    public static void Judge(TuiState state, LessonDialog dialog, string workingDirectory)
    {
        var c = dialog.Challenge!;
        var open = state.LessonScreen.Open!;
        Apply(state, dialog, c.Kind == ChallengeKind.Reach ? JudgeRun(state, open, c) : JudgeFix(open.Lesson, c, dialog.Input, workingDirectory, null));
    }

    /// <summary>Shows a verdict in the dialog, keeps a solved challenge as progress, and says what to try next.</summary>
    public static void Apply(TuiState state, LessonDialog dialog, Verdict verdict)
    {
        var open = state.LessonScreen.Open!;
        var c = dialog.Challenge!;
        dialog.Kind = LessonDialogKind.Verdict;
        dialog.Verdict = verdict;
        dialog.Right = verdict.Met;
        var course = state.LessonScreen.Course;
        string? problem = null;
        if (verdict.Met && course is not null)
        {
            course.Progress.Solved(open.Lesson.Id, c.Number);
            problem = course.Save();
        }

        dialog.Next = problem ?? (verdict.Met ? AfterSolved(state, open.Lesson) : TryNext(state, open.Lesson, c, dialog.Input));
    }

    /// <summary>Opens the next hint of a challenge (kept as progress); returns the status line that shows it.</summary>
    public static string Hint(TuiState state, Challenge c)
    {
        var lesson = state.LessonScreen.Open!.Lesson;
        if (c.Hints.Count == 0)
        {
            return $"challenge {c.Number} has no hints";
        }

        var progress = state.LessonScreen.Course?.Progress;
        var opened = progress?.HintsOpened(lesson.Id, c.Number) ?? 0;
        if (progress is not null && opened < c.Hints.Count)
        {
            opened = progress.OpenHint(lesson.Id, c.Number);
            if (state.LessonScreen.Course!.Save() is { } problem)
            {
                return problem;
            }
        }

        opened = Math.Clamp(opened, 1, c.Hints.Count);
        return $"hint {opened} of {c.Hints.Count} (challenge {c.Number}): {c.Hints[opened - 1]}";
    }

    /// <summary>The challenges of the lesson the student has solved.</summary>
    public static IReadOnlySet<int> Solved(TuiState state, Lesson lesson) =>
        state.LessonScreen.Course?.Progress.ChallengesOf(lesson.Id) ?? new HashSet<int>();

    private static Verdict JudgeRun(TuiState state, OpenLesson open, Challenge c)
    {
        if (c.Program != open.Section.Program.Name)
        {
            return new Verdict(false, $"challenge {c.Number} is about program {c.Program}, and the run screen shows {open.Section.Program.Name}: press p until it shows {c.Program}, step your schedule, then t and Enter");
        }

        var session = state.Session!;
        var stepped = session.Timeline.Take(session.Position).ToArray();
        var injected = Array.FindIndex(stepped, e => e.Kind != ScheduleEntryKind.Run);
        if (injected >= 0)
        {
            return new Verdict(false, $"your run injects {InjectionWords.Of(stepped[injected].Kind)} at step {injected + 1}; a reach goal is met by choosing threads only: go back before it (g {injected}) and step threads");
        }

        return ChallengeJudge.Reach(open.Section.Program.Compiled, c, stepped.Select(e => session.Kernel.ThreadName(e.Thread)).ToArray());
    }

    /// <summary>
    /// The verdict on a fix typed in the dialog (the file compiled and checked over the challenge's schedules).
    /// It reads the lesson and the file, never the state, so it may run away from the UI thread; <paramref name="options"/>: the check's progress and cancellation.
    /// </summary>
    public static Verdict JudgeFix(Lesson lesson, Challenge c, string input, string workingDirectory, CheckOptions? options)
    {
        var original = lesson.ProgramNamed(c.Program).Compiled;
        var name = input.Trim();
        if (name.Length == 0)
        {
            return new Verdict(false, "type the name of your fixed program first");
        }

        var file = Path.GetFullPath(name, workingDirectory);
        if (!File.Exists(file))
        {
            return new Verdict(false, $"there is no file {name} yet: copy the program (cp {original.File} {name}), fix it in your editor, then Enter here");
        }

        try
        {
            var fixedProgram = Compiler.CompileText(name, File.ReadAllText(file));
            return ChallengeJudge.Fix(original, c, fixedProgram, options);
        }
        catch (ScriptError e)
        {
            return new Verdict(false, $"your program does not compile: {e.Message}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new Verdict(false, $"{name}: cannot read it: {e.Message}");
        }
    }

    private static string AfterSolved(TuiState state, Lesson lesson)
    {
        var solved = Solved(state, lesson);
        if (lesson.Challenges.FirstOrDefault(x => !solved.Contains(x.Number)) is { } open)
        {
            return $"next: challenge {open.Number} (t shows it): {open.Task}";
        }

        var next = state.LessonScreen.Course?.Next;
        var path = next is null ? "every lesson of the path is done" : $"next on the path: {LessonPathView.Number(next)} {next.Title} (m goes back to the path)";
        return $"every challenge of this lesson is solved ✓: {path}";
    }

    private static string TryNext(TuiState state, Lesson lesson, Challenge c, string input)
    {
        var opened = state.LessonScreen.Course?.Progress.HintsOpened(lesson.Id, c.Number) ?? 0;
        var hint = opened < c.Hints.Count ? $"; ? opens hint {opened + 1} of {c.Hints.Count}" : "";
        return c.Kind == ChallengeKind.Reach
            ? $"try next: b steps back, 1-9 runs the thread you choose, then t and Enter judge your run again{hint}"
            : $"try next: edit {input.Trim()} again, then t and Enter judge it again{hint}";
    }
}
