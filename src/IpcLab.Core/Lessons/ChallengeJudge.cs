using IpcLab.Core.Checking;
using IpcLab.Core.Explore;
using IpcLab.Core.Model;
using IpcLab.Core.Runtime;

namespace IpcLab.Core.Lessons;

/// <summary>Judges a challenge attempt with the kernel: a schedule is replayed step by step, a fixed program is checked over seeded schedules.</summary>
public static class ChallengeJudge
{
    /// <summary>Replays <paramref name="schedule"/> (thread names) on the program and says whether it reaches the goal within the challenge's steps.</summary>
    public static Verdict Reach(CompiledProgram program, Challenge challenge, IReadOnlyList<string> schedule)
    {
        var goal = challenge.Goal!;
        var kernel = new Kernel(program, new KernelOptions { MaxSteps = Math.Max(schedule.Count, 1) + 1 });
        if (goal.IsMet(kernel))
        {
            return new Verdict(true, $"the goal ({goal}) holds before any step");
        }

        foreach (var name in schedule)
        {
            var t = program.ThreadIdOf(name);
            if (t < 0)
            {
                return new Verdict(false, $"there is no thread named '{name}'; the threads are {string.Join(", ", program.Threads.Select(x => x.Name))}");
            }

            if (kernel.WhyCannotRun(t) is { } why)
            {
                return new Verdict(false, $"step {kernel.StepCount + 1}: {name} cannot run: {why}");
            }

            kernel.Step(t);
            if (kernel.IsOver)
            {
                kernel.Conclude();
            }

            if (goal.IsMet(kernel))
            {
                return Met(kernel, challenge);
            }
        }

        return new Verdict(false, $"after the {kernel.StepCount} steps of the schedule the goal ({goal}) is not reached{(kernel.IsConcluded ? " and the run is over" : "; the schedule may go on")}");
    }

    /// <summary>
    /// Checks a changed program: it keeps the original's threads and final checks, and, for a fix,
    /// check finds nothing in the challenge's number of seeded schedules; for a guarantee,
    /// check --guarantee judges it to give the guarantee asked (<paramref name="options"/>: the
    /// check's progress and cancellation; its runs are the challenge's).
    /// </summary>
    public static Verdict Fix(CompiledProgram original, Challenge challenge, CompiledProgram fixedProgram, CheckOptions? options = null)
    {
        var threads = original.Threads.Select(t => t.Name).Order(StringComparer.Ordinal).ToArray();
        var fixedThreads = fixedProgram.Threads.Select(t => t.Name).Order(StringComparer.Ordinal).ToArray();
        if (!threads.SequenceEqual(fixedThreads))
        {
            return new Verdict(false, $"the fix must keep the program's threads ({string.Join(", ", threads)}); it has {(fixedThreads.Length == 0 ? "none" : string.Join(", ", fixedThreads))}");
        }

        var kept = fixedProgram.Expectations.Select(e => e.Text).ToHashSet();
        if (original.Expectations.FirstOrDefault(e => !kept.Contains(e.Text)) is { } lost)
        {
            return new Verdict(false, $"the fix must keep the final check `expect {lost.Text}` (a fix that drops the check proves nothing)");
        }

        if (challenge.Kind == ChallengeKind.Guarantee)
        {
            return Guarantee(fixedProgram, challenge, options);
        }

        var report = Checker.Check(fixedProgram, (options ?? new CheckOptions()) with { Runs = challenge.Runs });
        if (report.First is { } found)
        {
            return new Verdict(false, $"check still finds {found.Main.KindText} in {report.RunsWithFindings} of {report.Runs} schedules; with seed {found.Seed}: {found.Main.Text}");
        }

        return new Verdict(true, $"check finds nothing in {report.Runs} schedules ({report.DistinctFinalStates} distinct final state{(report.DistinctFinalStates == 1 ? "" : "s")}), and the threads and final checks are kept");
    }

    /// <summary>Judges a program's delivery guarantee against the challenge's goal, with no other condition (the lesson checker asks it of the program as it is, too).</summary>
    public static Verdict Guarantee(CompiledProgram program, Challenge challenge, CheckOptions? options = null)
    {
        var report = GuaranteeChecker.Check(program, (options ?? new CheckOptions()) with { Runs = challenge.Runs });
        var asked = GuaranteeWords.Of(challenge.Promise);
        if (report.Runs == 0)
        {
            return new Verdict(false, "no run passes a point where a crash could be injected (a send, handle, commit or ack), so check --guarantee has nothing to judge");
        }

        if (!GuaranteeWords.Meets(report.Kind, challenge.Promise))
        {
            var example = report.Shortest is { } bad
                ? $"; with seed {bad.Seed}{(bad.Crash is { } c ? $", where {c.Text}," : "")} it {Harm(bad)}"
                : "";
            return new Verdict(false, $"check --guarantee judges it {report.Verdict}, not {asked}{example}");
        }

        return new Verdict(true, $"check --guarantee judges it {report.Verdict}{(report.Kind == challenge.Promise ? "" : $", which is more than {asked}")}");
    }

    private static string Harm(Checking.GuaranteeRun run) => (run.Lost.Count, run.Duplicated.Count) switch
    {
        (> 0, > 0) => $"loses {string.Join(", ", run.Lost)} and handles {string.Join(", ", run.Duplicated)} twice",
        (> 0, _) => $"loses {string.Join(", ", run.Lost)}",
        _ => $"handles {string.Join(", ", run.Duplicated)} twice",
    };

    private static Verdict Met(Kernel kernel, Challenge challenge)
    {
        var goal = challenge.Goal!;
        if (kernel.StepCount > challenge.Within)
        {
            return new Verdict(false, $"the goal ({goal}) is reached at step {kernel.StepCount}, but the challenge allows at most {challenge.Within} steps");
        }

        var how = goal.Kind switch
        {
            GoalKind.Finding => kernel.Findings.First(f => FindingWords.Same(f.Kind, goal.Finding)).Text,
            GoalKind.Event => EventText.Describe(kernel.Events.First(e => EventText.KindName(e.Kind) == goal.Event), kernel.Program, kernel.Strings),
            _ => string.Join(", ", Enumerable.Range(0, kernel.Layout.ThreadCount)
                .Where(t => !kernel.HasEnded(t) && kernel.NextInstruction(t) is { } i && i.Pos.Line >= goal.FromLine && i.Pos.Line <= goal.ToLine)
                .Select(t => $"{kernel.ThreadName(t)} is at line {kernel.NextInstruction(t)!.Pos.Line}")),
        };
        return new Verdict(true, $"step {kernel.StepCount}: {how}");
    }
}
