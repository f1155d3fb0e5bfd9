using IpcLab.Core.Checking;
using IpcLab.Core.Runtime;
using IpcLab.Core.Script;

namespace IpcLab.Core.Lessons;

/// <summary>
/// A <c>challenge</c> block: <c>program:</c> (optional), <c>goal:</c>, <c>task:</c>,
/// <c>within:</c> or <c>runs:</c> (optional; <c>runs:</c> for a fix or a guarantee), <c>solution:</c>, <c>hint:</c> (any number) and <c>concepts:</c>.
/// </summary>
internal static class ChallengeBlock
{
    public static readonly string[] Keys = ["program", "goal", "task", "within", "runs", "solution", "hint", "concepts"];

    public static Challenge Read(string file, BlockFields fields, int number, IReadOnlyDictionary<string, LessonProgram> programs, IReadOnlyList<string> lessonConcepts)
    {
        var program = LessonParser.ProgramOf(file, fields, programs);
        var goal = fields.Required("goal");
        var task = fields.Required("task").Value;
        var solution = fields.Required("solution");
        var hints = fields.All("hint").Select(h => h.Value).ToArray();
        var concepts = CheckpointBlock.Concepts(file, fields, lessonConcepts);
        var words = goal.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (goal.Value == "fix" || words[0] == "guarantee")
        {
            var kind = goal.Value == "fix" ? ChallengeKind.Fix : ChallengeKind.Guarantee;
            var promise = kind == ChallengeKind.Fix ? default : ReadPromise(file, words, goal.Pos);
            var what = kind == ChallengeKind.Fix ? "a fix" : "a guarantee";
            Refuse(file, fields, "within", $"{what} challenge has no step limit (within: is for reach goals)");
            var runs = fields.Optional("runs") is { } r ? fields.Positive("runs", r.Value, r.Pos) : Challenge.DefaultRuns;
            if (!solution.Value.EndsWith(".ipl", StringComparison.Ordinal))
            {
                throw new LessonError(file, solution.Pos, $"{what} challenge's solution is the {(kind == ChallengeKind.Fix ? "fixed" : "changed")} program: a .ipl file beside the lesson");
            }

            return new Challenge(number, program.Name, kind, task, null, 0, runs, [], solution.Value, hints, concepts, fields.Start) { Promise = promise };
        }

        Refuse(file, fields, "runs", "a reach challenge is judged on one schedule (runs: is for fix goals)");
        var reach = ReadGoal(file, goal.Value, goal.Pos, program);
        var within = fields.Optional("within") is { } w ? fields.Positive("within", w.Value.Replace(" steps", "", StringComparison.Ordinal), w.Pos) : Challenge.DefaultWithin;
        var schedule = BlockFields.List(solution.Value);
        foreach (var thread in schedule)
        {
            LessonParser.RequireThread(file, program.Compiled, thread, solution.Pos);
        }

        return new Challenge(number, program.Name, ChallengeKind.Reach, task, reach, within, 0, schedule, null, hints, concepts, fields.Start);
    }

    private static GuaranteeKind ReadPromise(string file, string[] words, SourcePos pos) =>
        words.Length == 2 && GuaranteeWords.Parse(words[1]) is { } promise
            ? promise
            : throw new LessonError(file, pos, $"'goal: {string.Join(' ', words)}' is not a goal; expected guarantee {string.Join("|", GuaranteeWords.Goals)}");

    private static void Refuse(string file, BlockFields fields, string key, string why)
    {
        if (fields.Optional(key) is { } f)
        {
            throw new LessonError(file, f.Pos, why);
        }
    }

    private static ReachGoal ReadGoal(string file, string text, SourcePos pos, LessonProgram program)
    {
        var w = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (w[0] != "reach" || w.Length < 3)
        {
            throw new LessonError(file, pos, $"'goal: {text}' is not a goal; expected fix, guarantee {string.Join("|", GuaranteeWords.Goals)}, reach N threads in lines A-B, reach event EVENT, or reach finding {string.Join("|", FindingWords.All)}");
        }

        switch (w[1])
        {
            case "event" when w.Length == 3:
                return CheckpointBlock.IsEventName(w[2])
                    ? new ReachGoal(GoalKind.Event) { Event = w[2] }
                    : throw new LessonError(file, pos, $"no event is named '{w[2]}' (event names are those of `ipclab run --trace`)");
            case "finding" when w.Length == 3:
                var finding = FindingWords.Parse(w[2]) ?? throw new LessonError(file, pos, $"no finding is named '{w[2]}'; expected {string.Join(", ", FindingWords.All)}");
                return new ReachGoal(GoalKind.Finding) { Finding = finding };
        }

        // reach N threads in lines A-B
        var range = w.Length == 6 && w[2] == "threads" && w[3] == "in" && w[4] == "lines" ? w[5].Split('-') : [];
        if (range.Length != 2 || !int.TryParse(w[1], out var n) || n < 1 || !int.TryParse(range[0], out var from) || !int.TryParse(range[1], out var to) || from > to)
        {
            throw new LessonError(file, pos, $"'goal: {text}' is not a goal; expected reach N threads in lines A-B (A <= B), reach event EVENT, or reach finding KIND");
        }

        if (!program.Compiled.Threads.Any(t => t.Code.Any(i => i.Pos.Line >= from && i.Pos.Line <= to)))
        {
            throw new LessonError(file, pos, $"no thread of program '{program.Name}' runs a line between {from} and {to}");
        }

        return new ReachGoal(GoalKind.Together) { Threads = n, FromLine = from, ToLine = to };
    }
}
