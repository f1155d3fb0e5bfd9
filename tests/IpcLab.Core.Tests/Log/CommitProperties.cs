using FsCheck;
using FsCheck.Fluent;
using IpcLab.Core.Runtime;
using IpcLab.Core.Tests.KernelTests;

namespace IpcLab.Core.Tests.Log;

/// <summary>
/// Commit before or after the work, across the crash of a member's process at a generated step
/// once every job is produced. Both workers subscribe before the first job, so the only rebalance
/// is the crash's: the survivor resumes the crashed worker's partitions at the committed offsets.
/// </summary>
public sealed class CommitProperties
{
    private static string Script(int partitions, int jobs, bool commitFirst)
    {
        var (before, after) = commitFirst ? ("            commit g\n", "") : ("", "            commit g\n");
        var worker = $"        subscribe g\n        V ready\n        while true:\n            poll g -> job\n{before}            print job\n{after}";
        return $"topic t partitions {partitions} retain {jobs}\nconsumers g on t\nsemaphore ready\n"
            + $"thread boss:\n    P ready\n    P ready\n    for i in 1..{jobs}:\n        produce t, \"job {{i}}\"\n"
            + $"process one:\n    thread first:\n{worker}process two:\n    thread second:\n{worker}";
    }

    private static Arbitrary<(int Partitions, int Jobs, int At, int Victim, int[] Choices)> Runs =>
        (from partitions in Gen.Choose(1, 3)
         from jobs in Gen.Choose(1, 6)
         from at in Gen.Choose(0, 40)
         from victim in Gen.Choose(0, 1)
         from choices in ArbMap.Default.GeneratorFor<int[]>()
         select (partitions, jobs, at, victim, choices)).ToArbitrary();

    /// <summary>Runs the program, crashing process <c>Victim</c> <c>At</c> steps after the boss finished; returns the jobs done, in order.</summary>
    private static string[] Done((int Partitions, int Jobs, int At, int Victim, int[] Choices) run, bool commitFirst)
    {
        var kernel = KernelTestKit.NewKernel(Script(run.Partitions, run.Jobs, commitFirst));
        var boss = KernelTestKit.ThreadId(kernel, "boss");
        var g = KernelTestKit.ObjectId(kernel, "g");
        var victim = kernel.Program.Processes.Single(p => p.Name == (run.Victim == 0 ? "one" : "two")).Id;
        var committed = Enumerable.Repeat(-1L, run.Partitions).ToArray();
        long crashAt = -1;
        var runnable = new int[kernel.Layout.ThreadCount];
        var scheduler = new ChoiceScheduler(run.Choices, []);
        while (!kernel.IsOver && kernel.StepCount < 2_000)
        {
            if (crashAt < 0 && kernel.HasEnded(boss))
            {
                crashAt = kernel.StepCount + run.At;
            }

            if (crashAt >= 0 && kernel.StepCount >= crashAt && kernel.WhyCannotCrashProcess(victim) is null)
            {
                kernel.InjectProcessCrash(victim);
                crashAt = long.MaxValue;
            }
            else
            {
                var n = kernel.CollectRunnable(runnable);
                if (n == 0)
                {
                    break;
                }

                kernel.Step(scheduler.ChooseThread(kernel, runnable.AsSpan(0, n)), scheduler);
            }

            // No seek in these programs: a committed offset never goes backwards.
            var now = kernel.ConsumerGroupPartitions(g).Select(p => p.Committed).ToArray();
            Assert.All(Enumerable.Range(0, now.Length), p => Assert.True(now[p] >= committed[p], $"partition {p}'s committed offset went from {committed[p]} to {now[p]}"));
            committed = now;
        }

        return [.. kernel.Events.Where(e => e.Kind == EventKind.Printed).Select(e => kernel.Strings[e.Value])];
    }

    private static IEnumerable<string> Jobs(int jobs) => Enumerable.Range(1, jobs).Select(i => $"job {i}");

    [Fact]
    public void CommitAfterWork_AnyScheduleAndMemberCrash_NoJobIsLost()
    {
        Prop.ForAll(Runs, run =>
        {
            var done = Done(run, commitFirst: false);
            Assert.Subset(done.ToHashSet(), Jobs(run.Jobs).ToHashSet());
        }).Check(KernelTestKit.Config(200));
    }

    [Fact]
    public void CommitBeforeWork_AnyScheduleAndMemberCrash_NoJobIsDoneTwice()
    {
        Prop.ForAll(Runs, run =>
        {
            var done = Done(run, commitFirst: true);
            Assert.Equal(done.Length, done.Distinct().Count());
        }).Check(KernelTestKit.Config(200));
    }

    /// <summary>The two promises are not free: each order, under some schedule and crash, breaks the other one.</summary>
    [Fact]
    public void CommitOrder_SomeScheduleAndCrash_BeforeLosesAndAfterDuplicates()
    {
        var random = new Random(13);
        var runs = Enumerable.Range(0, 400)
            .Select(_ => (Partitions: random.Next(1, 3), Jobs: random.Next(2, 5), At: random.Next(0, 12), Victim: random.Next(0, 2), Choices: Enumerable.Range(0, 60).Select(_ => random.Next()).ToArray()))
            .ToArray();

        Assert.Contains(runs, run => Jobs(run.Jobs).Except(Done(run, commitFirst: true)).Any());
        Assert.Contains(runs, run => Done(run, commitFirst: false) is var done && done.Length > done.Distinct().Count());
    }
}
