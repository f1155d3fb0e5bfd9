using System.CommandLine;
using IpcLab.Core.Lessons;
using IpcLab.Diagnostics;

namespace IpcLab;

/// <summary>
/// <c>ipclab lesson [ID]</c>: the path of lessons with the student's progress; a lesson taken
/// headless (its narrative, its checkpoints answered from standard input or <c>--answer</c>);
/// <c>--try N</c> judges a challenge, <c>--hint N</c> opens its next hint, <c>--check</c>
/// validates a lesson (for teachers and the tests).
/// </summary>
internal static class LessonVerb
{
    public sealed record Options(string? Id, bool Check, string[] Answers, int? Try, string? Schedule, string? Program, int? Hint);

    public static Command Command(CliContext context, CliEnvironment env)
    {
        var id = new Argument<string?>("ID") { Description = "a lesson: its id, its number on the path, or its file (NN-name.md)", Arity = ArgumentArity.ZeroOrOne };
        var check = new Option<bool>("--check") { Description = "validate the lesson headless: programs compile, checkpoints are reached, challenges are solvable and not already solved" };
        var answer = new Option<string[]>("--answer") { HelpName = "ANSWER", Description = "the answer to the next checkpoint (repeat it; without it, answers are read from standard input, one a line)" };
        var tryIt = new Option<int?>("--try") { HelpName = "N", Description = "judge an attempt at challenge N: --schedule for a reach goal, --program for a fix" };
        var schedule = new Option<string?>("--schedule") { HelpName = "T1,T2,...", Description = "your schedule for a reach challenge: the thread names in the order they run" };
        var program = new Option<string?>("--program") { HelpName = "FILE", Description = "your fixed program for a fix challenge" };
        var hint = new Option<int?>("--hint") { HelpName = "N", Description = "open the next hint of challenge N" };
        var cmd = new Command("lesson", "The path of lessons with your progress, or one lesson: its story, its checkpoints and its challenges.") { id, check, answer, tryIt, schedule, program, hint };
        cmd.SetAction(p => Execute(
            new Options(p.GetValue(id), p.GetValue(check), p.GetValue(answer) ?? [], p.GetValue(tryIt), p.GetValue(schedule), p.GetValue(program), p.GetValue(hint)),
            context,
            env));
        return cmd;
    }

    public static int Execute(Options opt, CliContext context, CliEnvironment env)
    {
        var modes = (opt.Check ? 1 : 0) + (opt.Try is null ? 0 : 1) + (opt.Hint is null ? 0 : 1);
        if (modes > 1)
        {
            throw new InputException("choose one of --check, --try N and --hint N");
        }

        if (modes > 0 && opt.Answers.Length > 0)
        {
            throw new InputException("--answer answers the checkpoints of `ipclab lesson ID`; it does not go with --check, --try or --hint");
        }

        if (opt.Try is null && (opt.Schedule is not null || opt.Program is not null))
        {
            throw new InputException("--schedule and --program go with --try N (the challenge they attempt)");
        }

        if (opt.Id is null)
        {
            if (modes > 0 || opt.Answers.Length > 0)
            {
                throw new InputException("name the lesson: ipclab lesson ID ...");
            }

            return List(context.Out, LessonFiles.ProgressFile(env));
        }

        var (lesson, path) = LessonFiles.Find(opt.Id);
        if (opt.Check)
        {
            return CheckLesson(context.Out, lesson);
        }

        var progressFile = LessonFiles.ProgressFile(env);
        var progress = LessonFiles.LoadProgress(progressFile);
        if (opt.Try is { } n)
        {
            return LessonTry.Attempt(context.Out, lesson, Challenge(lesson, n), opt.Schedule, opt.Program, progress, () => LessonFiles.SaveProgress(progressFile, progress));
        }

        if (opt.Hint is { } h)
        {
            return LessonTry.Hint(context.Out, lesson, Challenge(lesson, h), progress, () => LessonFiles.SaveProgress(progressFile, progress));
        }

        var answers = opt.Answers.Length > 0 ? new StringReader(string.Join('\n', opt.Answers) + "\n") : env.Input ?? Console.In;

        // A terminal shows what the student types; answers from a pipe or --answer are written out, so the transcript reads whole.
        var typed = ReferenceEquals(answers, Console.In) && !Console.IsInputRedirected;
        return new LessonWalk(context.Out, lesson, path, progress, answers, () => LessonFiles.SaveProgress(progressFile, progress)) { EchoAnswers = !typed }.Run();
    }

    private static string Plural(int n, string word) => $"{n} {word}{(n == 1 ? "" : "s")}";

    private static Challenge Challenge(Lesson lesson, int number) =>
        lesson.Challenges.FirstOrDefault(c => c.Number == number)
        ?? throw new InputException($"lesson {lesson.Id} has no challenge {number}; it has {lesson.Challenges.Count()}");

    private static int List(TextWriter o, string progressFile)
    {
        var folder = LessonFiles.Folder();
        var path = LessonFiles.LoadPath(folder);
        var progress = LessonFiles.LoadProgress(progressFile);
        o.WriteLine($"The path ({Path.GetRelativePath(Environment.CurrentDirectory, folder)}/, {path.Count} lessons; progress in {progressFile}):");
        var width = path.Count == 0 ? 0 : path.Max(l => l.Id.Length);
        var titleWidth = path.Count == 0 ? 0 : path.Max(l => l.Title.Length);
        Lesson? next = null;
        foreach (var (lesson, state) in progress.States(path))
        {
            var mark = state switch { LessonState.Done => "✓", LessonState.Current => "▶", LessonState.Open => " ", _ => "·" };
            var number = Path.GetFileName(lesson.File)[..2];
            var note = state switch
            {
                LessonState.Current => "  ← next",
                LessonState.Locked => $"  locked: first {string.Join(", ", lesson.Prerequisites.Where(p => !path.Any(l => l.Id == p && progress.IsDone(l))))}",
                _ => "",
            };
            o.WriteLine($"  {mark} {number} {lesson.Id.PadRight(width)}  {lesson.Title.PadRight(titleWidth)}  {lesson.Duration}{note}");
            next ??= state == LessonState.Current ? lesson : null;
        }

        o.WriteLine();
        o.WriteLine("✓ done · ▶ the next one · · locked until its prerequisites are done");
        o.WriteLine(next is null ? "Every lesson is done." : $"Take the next one: ipclab lesson {next.Id}");
        return 0;
    }

    private static int CheckLesson(TextWriter o, Lesson lesson)
    {
        var report = LessonChecker.Check(lesson, LessonFiles.CompileIfThere);
        o.WriteLine($"checked {lesson.File} ({lesson.Id}):");
        foreach (var line in report.Lines)
        {
            o.WriteLine($"  ok: {line}");
        }

        foreach (var problem in report.Problems)
        {
            o.WriteLine($"  PROBLEM: {problem.Message}");
        }

        o.WriteLine(report.Problems.Count == 0
            ? $"the lesson holds: {Plural(lesson.Checkpoints.Count(), "checkpoint")}, {Plural(lesson.Challenges.Count(), "challenge")}, every concept exercised ({string.Join(", ", lesson.Concepts)})"
            : $"{report.Problems.Count} problem{(report.Problems.Count == 1 ? "" : "s")}");
        return report.Problems.Count == 0 ? 0 : 1;
    }
}
