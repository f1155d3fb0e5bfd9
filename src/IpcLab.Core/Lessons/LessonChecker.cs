using IpcLab.Core.Explore;
using IpcLab.Core.Script;

namespace IpcLab.Core.Lessons;

/// <summary>
/// <c>ipclab lesson ID --check</c>: runs a lesson headless. Every checkpoint's pause is reached
/// and its answer computed; every challenge is solved by its stored solution and is not already
/// solved at the start; every concept of the front matter is exercised by a checkpoint or a challenge.
/// </summary>
public static class LessonChecker
{
    /// <summary>What was checked, line by line, and the problems found (each at a position of the lesson).</summary>
    public sealed record Report(IReadOnlyList<string> Lines, IReadOnlyList<LessonError> Problems);

    /// <param name="compileFile">Compiles a .ipl file beside the lesson (a fix's solution); throws a <see cref="ScriptError"/> or returns null when there is no such file.</param>
    public static Report Check(Lesson lesson, Func<string, Model.CompiledProgram?> compileFile)
    {
        var lines = new List<string>();
        var problems = new List<LessonError>();
        foreach (var p in lesson.Programs)
        {
            lines.Add($"program {p.Name}{(p.Path is null ? "" : $" ({p.Path})")}: compiles, {p.Compiled.Threads.Count} threads, schedule {p.Schedule}");
        }

        var runs = new Dictionary<string, LessonRun>();
        foreach (var c in lesson.Checkpoints)
        {
            if (!runs.TryGetValue(c.Program, out var run))
            {
                runs[c.Program] = run = new LessonRun(lesson.ProgramNamed(c.Program));
            }

            if (run.RunTo(c.At) is { } problem)
            {
                problems.Add(new LessonError(lesson.File, c.Pos, $"checkpoint {c.Number} (at: {c.At}) is never reached: {problem}"));
                continue;
            }

            var answer = Answers.Compute(c.Question, run.Kernel);
            lines.Add($"checkpoint {c.Number} (at {c.At}, step {run.Kernel.StepCount}; {c.Question}): the answer is {answer.Text}");
        }

        foreach (var c in lesson.Challenges)
        {
            var program = lesson.ProgramNamed(c.Program);
            var (line, problem) = c.Kind == Lessons.ChallengeKind.Reach ? CheckReach(program, c) : CheckFix(lesson, program, c, compileFile);
            if (problem is null)
            {
                lines.Add(line);
            }
            else
            {
                problems.Add(new LessonError(lesson.File, c.Pos, $"challenge {c.Number} ({c.GoalText}): {problem}"));
            }
        }

        foreach (var concept in lesson.UncoveredConcepts)
        {
            problems.Add(new LessonError(lesson.File, lesson.ConceptsPos, $"concept '{concept}' is in the front matter, but no checkpoint or challenge exercises it (list it in one's concepts:)"));
        }

        return new Report(lines, problems);
    }

    private static (string Line, string? Problem) CheckReach(LessonProgram program, Challenge c)
    {
        var verdict = ChallengeJudge.Reach(program.Compiled, c, c.Solution);
        if (!verdict.Met)
        {
            return ("", $"the stored solution does not solve it: {verdict.Reason}");
        }

        var own = new LessonRun(program);
        if (own.RunUntil(k => c.Goal!.IsMet(k) && k.StepCount <= c.Within))
        {
            return ("", $"already solved at the start: the program's own run ({program.Schedule}) reaches it at step {own.Kernel.StepCount}");
        }

        return ($"challenge {c.Number} ({c.GoalText}): the stored schedule of {c.Solution.Count} steps solves it ({verdict.Reason}); the program's own run does not", null);
    }

    private static (string Line, string? Problem) CheckFix(Lesson lesson, LessonProgram program, Challenge c, Func<string, Model.CompiledProgram?> compileFile)
    {
        Model.CompiledProgram? fixedProgram;
        try
        {
            fixedProgram = compileFile(Path.Combine(Path.GetDirectoryName(lesson.File) ?? "", c.SolutionFile!));
        }
        catch (ScriptError e)
        {
            return ("", $"the stored solution does not compile: {e.Message}");
        }

        if (fixedProgram is null)
        {
            return ("", $"the stored solution {c.SolutionFile} is not beside the lesson");
        }

        var verdict = ChallengeJudge.Fix(program.Compiled, c, fixedProgram);
        if (!verdict.Met)
        {
            return ("", $"the stored solution {c.SolutionFile} does not solve it: {verdict.Reason}");
        }

        if (c.Kind == ChallengeKind.Guarantee)
        {
            var start = ChallengeJudge.Guarantee(program.Compiled, c);
            return start.Met
                ? ("", $"already solved at the start: {start.Reason}")
                : ($"challenge {c.Number} ({c.GoalText}): the program as it is falls short ({start.Reason}); the stored change {c.SolutionFile} meets it: {verdict.Reason}", null);
        }

        var before = Checker.Check(program.Compiled, new CheckOptions { Runs = c.Runs });
        if (before.First is null)
        {
            return ("", $"already solved at the start: check finds nothing in {c.Runs} schedules of the program as it is");
        }

        return ($"challenge {c.Number} ({c.GoalText}): the program as it is fails ({before.First.Main.KindText} in {before.RunsWithFindings} of {before.Runs} schedules); the stored fix {c.SolutionFile} passes: {verdict.Reason}", null);
    }
}
