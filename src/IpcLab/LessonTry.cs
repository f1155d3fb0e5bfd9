using IpcLab.Core.Lessons;
using IpcLab.Core.Script;

namespace IpcLab;

/// <summary><c>ipclab lesson ID --try N</c> and <c>--hint N</c>: a challenge attempt judged by the kernel, and hints one at a time.</summary>
internal static class LessonTry
{
    /// <summary>Exit 0 when the attempt meets the goal (kept as progress), 1 when it does not.</summary>
    public static int Attempt(TextWriter o, Lesson lesson, Challenge c, string? schedule, string? programFile, Progress progress, Action save)
    {
        var original = lesson.ProgramNamed(c.Program).Compiled;
        Verdict verdict;
        if (c.Kind == ChallengeKind.Reach)
        {
            if (schedule is null || programFile is not null)
            {
                throw new InputException($"challenge {c.Number} is a reach goal: give your schedule with --schedule THREAD,THREAD,... (the threads are {string.Join(", ", original.Threads.Select(t => t.Name))})");
            }

            verdict = ChallengeJudge.Reach(original, c, schedule.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        }
        else
        {
            if (programFile is null || schedule is not null)
            {
                throw new InputException($"challenge {c.Number} is a fix: give your fixed program with --program FILE");
            }

            InputFiles.CheckName(programFile, "--program");
            var text = InputFiles.ReadText(programFile);
            Core.Model.CompiledProgram fixedProgram;
            try
            {
                fixedProgram = Compiler.CompileText(programFile, text);
            }
            catch (ScriptError e)
            {
                throw new InputException(e.Message);
            }

            verdict = ChallengeJudge.Fix(original, c, fixedProgram);
        }

        o.WriteLine($"challenge {c.Number} of {lesson.Id}: {c.Task}");
        o.WriteLine($"goal: {c.GoalText}");
        o.WriteLine(verdict.Met ? $"SOLVED: {TerminalText.Visible(verdict.Reason)}" : $"not yet: {TerminalText.Visible(verdict.Reason)}");
        if (verdict.Met)
        {
            progress.Solved(lesson.Id, c.Number);
            save();
            var open = lesson.Challenges.FirstOrDefault(x => !progress.ChallengesOf(lesson.Id).Contains(x.Number));
            o.WriteLine(open is null
                ? $"Every challenge of {lesson.Id} is solved: the lesson is done (`ipclab lesson` shows the path)."
                : $"Next: challenge {open.Number} (ipclab lesson {lesson.Id} --try {open.Number} ...).");
            return 0;
        }

        var opened = progress.HintsOpened(lesson.Id, c.Number);
        if (opened < c.Hints.Count)
        {
            o.WriteLine($"a hint: ipclab lesson {lesson.Id} --hint {c.Number}");
        }

        return 1;
    }

    public static int Hint(TextWriter o, Lesson lesson, Challenge c, Progress progress, Action save)
    {
        if (c.Hints.Count == 0)
        {
            o.WriteLine($"challenge {c.Number} of {lesson.Id} has no hints.");
            return 0;
        }

        var opened = Math.Min(progress.HintsOpened(lesson.Id, c.Number) + 1, c.Hints.Count);
        if (opened > progress.HintsOpened(lesson.Id, c.Number))
        {
            progress.OpenHint(lesson.Id, c.Number);
            save();
        }

        for (var i = 0; i < opened; i++)
        {
            o.WriteLine($"hint {i + 1} of {c.Hints.Count}: {c.Hints[i]}");
        }

        if (opened == c.Hints.Count)
        {
            o.WriteLine("(that was the last hint)");
        }

        return 0;
    }
}
