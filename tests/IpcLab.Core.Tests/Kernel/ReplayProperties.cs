using FsCheck;
using FsCheck.Fluent;
using IpcLab.Core.Persistence;
using IpcLab.Core.Runtime;
using IpcLab.Core.Scheduling;
using Runner = IpcLab.Core.Scheduling.Runner;

namespace IpcLab.Core.Tests.KernelTests;

public class ReplayProperties
{
    private static readonly string[] _expectedLessons = ["bounded-buffer-if.ipl", "bounded-buffer.ipl", "cargill-deadlock.ipl"];

    // Every lesson in the folder: replay, saved runs and stepping back hold for all of them.
    private static readonly IReadOnlyList<string> _allLessons = KernelTestKit.LessonFiles();

    // KernelTestKit.LogicalState spells out the whole state of every kind of object, so the
    // property that compares it with the hash runs over every lesson too.
    private static readonly IReadOnlyList<string> _logicalStateLessons = _allLessons;

    [Fact]
    public void LessonFiles_Repository_HoldsTheThreeLessons() =>
        Assert.Superset(_expectedLessons.ToHashSet(), KernelTestKit.LessonFiles().ToHashSet());

    [Fact]
    public void Replay_RandomRunOfEachLesson_SameSentencesAndStateHash()
    {
        foreach (var lesson in _allLessons)
        {
            var program = KernelTestKit.CompileLesson(lesson);
            Prop.ForAll(ArbMap.Default.ArbFor<ulong>(), ArbMap.Default.ArbFor<bool>(), (seed, randomWaiters) =>
            {
                var original = KernelTestKit.NewKernel(program);
                var ran = Runner.Run(original, new RandomScheduler(seed, randomWaiters));

                var copy = KernelTestKit.NewKernel(KernelTestKit.CompileLesson(lesson));
                var replayed = Runner.Replay(copy, original.Schedule.ToArray());

                AssertSameRun(original, ran, copy, replayed, lesson);
            }).Check(KernelTestKit.Config(100));
        }
    }

    [Fact]
    public void Replay_SavedRunJsonOfEachLesson_SameSentencesAndStateHash()
    {
        foreach (var lesson in _allLessons)
        {
            var program = KernelTestKit.CompileLesson(lesson);
            Prop.ForAll(ArbMap.Default.ArbFor<ulong>(), ArbMap.Default.ArbFor<bool>(), (seed, randomWaiters) =>
            {
                var original = KernelTestKit.NewKernel(program);
                var scheduler = new RandomScheduler(seed, randomWaiters);
                var ran = Runner.Run(original, scheduler);

                var json = SavedRun.From(original, scheduler.Description).ToJson();
                var saved = SavedRun.Parse("saved.json", json);
                Assert.Equal(lesson, saved.ScriptFile);
                Assert.Equal(scheduler.Description, saved.Scheduler);
                var reloaded = KernelTestKit.Compile(saved.Script, saved.ScriptFile);
                var schedule = saved.ResolveSchedule(reloaded, "saved.json");
                Assert.Equal(original.Schedule, schedule);

                var copy = KernelTestKit.NewKernel(reloaded);
                var replayed = Runner.Replay(copy, schedule);
                AssertSameRun(original, ran, copy, replayed, lesson);
                Assert.Equal(saved.Events, KernelTestKit.Sentences(copy));
            }).Check(KernelTestKit.Config(100));
        }
    }

    [Fact]
    public void Replay_RunsWithInjectedWakeupsAndCrashes_SameSentencesAndStateHash()
    {
        foreach (var lesson in _allLessons)
        {
            var program = KernelTestKit.CompileLesson(lesson);
            Prop.ForAll(KernelTestKit.Choices, KernelTestKit.Choices, KernelTestKit.Choices, (threads, waiters, injections) =>
            {
                // A crash can leave a thread spinning (robust-mutex waits in a loop for the
                // consumer): a small budget ends such runs early, the same way in both kernels.
                var options = KernelTestKit.Options with { MaxSteps = 2_000 };
                var original = KernelTestKit.NewKernel(program, options);
                var ran = KernelTestKit.DriveWithInjections(original, new ChoiceScheduler(threads, waiters), injections);

                var saved = SavedRun.Parse("saved.json", SavedRun.From(original, "generated").ToJson());
                var copy = KernelTestKit.NewKernel(program, options);
                var replayed = Runner.Replay(copy, saved.ResolveSchedule(program, "saved.json"));
                AssertSameRun(original, ran, copy, replayed, lesson);
            }).Check(KernelTestKit.Config(100));
        }
    }

    [Fact]
    public void Restore_StepBackThenForward_EveryStateAsFirstTime()
    {
        foreach (var lesson in _allLessons)
        {
            var program = KernelTestKit.CompileLesson(lesson);
            Prop.ForAll(ArbMap.Default.ArbFor<ulong>(), KernelTestKit.Choices, (seed, hops) =>
            {
                // Go forward once, keeping a snapshot, the hash and the raw state of every step.
                var kernel = KernelTestKit.NewKernel(program);
                var snapshots = new List<KernelSnapshot>();
                var hashes = new List<ulong>();
                var states = new List<long[]>();
                var eventCounts = new List<int>();
                KernelTestKit.Drive(kernel, new RandomScheduler(seed, randomWaiters: true), k =>
                {
                    snapshots.Add(k.Snapshot());
                    hashes.Add(k.StateHash());
                    states.Add(k.RawState.ToArray());
                    eventCounts.Add(k.Events.Count);
                });
                var schedule = kernel.Schedule.ToArray();
                var sentences = KernelTestKit.Sentences(kernel);
                var findings = kernel.Findings.ToArray();
                var end = schedule.Length;
                Assert.Equal(end + 1, snapshots.Count);

                void AssertAt(int step)
                {
                    Assert.Equal(step, kernel.StepCount);
                    Assert.Equal(step, kernel.Schedule.Count);
                    Assert.Equal(eventCounts[step], kernel.Events.Count);
                    Assert.Equal(hashes[step], kernel.StateHash());
                    Assert.Equal(states[step], kernel.RawState.ToArray());
                }

                var at = end;
                void Forward(int to)
                {
                    for (; at < to; at++)
                    {
                        kernel.Apply(schedule[at]);
                        AssertAt(at + 1);
                    }
                }

                void Back(int to)
                {
                    kernel.Restore(snapshots[to]);
                    at = to;
                    AssertAt(at);
                }

                // Each pair of numbers: go to step p (forward by the schedule, or back by a
                // snapshot), then step back k more steps.
                for (var i = 0; i + 1 < hops.Length; i += 2)
                {
                    var p = (hops[i] & int.MaxValue) % (end + 1);
                    if (p > at)
                    {
                        Forward(p);
                    }
                    else
                    {
                        Back(p);
                    }

                    Back(p - ((hops[i + 1] & int.MaxValue) % (p + 1)));
                }

                Forward(end);
                kernel.Conclude();
                Assert.Equal(sentences, KernelTestKit.Sentences(kernel));
                Assert.Equal(findings, kernel.Findings);
                Assert.Equal(schedule, kernel.Schedule);

                // Reset goes back to step 0; replaying the schedule passes through the same states.
                kernel.Reset();
                at = 0;
                AssertAt(0);
                Assert.Empty(kernel.Findings);
                Forward(end);
                kernel.Conclude();
                Assert.Equal(sentences, KernelTestKit.Sentences(kernel));
                Assert.Equal(findings, kernel.Findings);
            }).Check(KernelTestKit.Config(100));
        }
    }

    [Fact]
    public void StateHash_StatesReachedByDifferentSchedules_EqualExactlyWhenLogicallyEqual()
    {
        var revisited = 0;
        foreach (var lesson in _logicalStateLessons)
        {
            var program = KernelTestKit.CompileLesson(lesson);
            Prop.ForAll(KernelTestKit.Choices, KernelTestKit.Choices, KernelTestKit.Choices, (first, second, waiters) =>
            {
                // Two kernels (their string tables fill in different orders) run different
                // schedules; every pair of states they pass through must hash equal exactly when
                // a learner could not tell them apart.
                var byState = new Dictionary<string, ulong>(StringComparer.Ordinal);
                var byHash = new Dictionary<ulong, string>();
                void Record(Kernel k)
                {
                    var state = KernelTestKit.LogicalState(k);
                    var hash = k.StateHash();
                    if (byState.TryGetValue(state, out var known))
                    {
                        Assert.True(known == hash, $"{lesson}: equal states hash differently:\n{state}");
                        revisited++;
                    }
                    else
                    {
                        byState.Add(state, hash);
                    }

                    if (byHash.TryGetValue(hash, out var seen))
                    {
                        Assert.True(seen == state, $"{lesson}: different states share hash {hash}:\n{seen}\n{state}");
                    }
                    else
                    {
                        byHash.Add(hash, state);
                    }
                }

                // A schedule that keeps picking a spinning thread (robust-mutex's wait loop) ends at
                // a small budget instead of walking 100,000 steps of the same two states.
                var options = KernelTestKit.Options with { MaxSteps = 2_000 };
                KernelTestKit.Drive(KernelTestKit.NewKernel(program, options), new ChoiceScheduler(first, []), Record);
                var other = KernelTestKit.NewKernel(program, options);
                other.Strings.Intern("a string the first kernel never saw");
                KernelTestKit.Drive(other, new ChoiceScheduler(second, waiters), Record);
            }).Check(KernelTestKit.Config(100));
        }

        Assert.True(revisited > 1000, $"only {revisited} states were reached twice");
    }

    private static void AssertSameRun(Kernel original, RunResult ran, Kernel copy, RunResult replayed, string lesson)
    {
        var context = $"{lesson}\n{KernelTestKit.Trace(original)}";
        Assert.True(KernelTestKit.Sentences(original).SequenceEqual(KernelTestKit.Sentences(copy)), $"sentences differ on replay of {context}");
        Assert.Equal(original.StateHash(), copy.StateHash());
        Assert.Equal(original.RawState.ToArray(), copy.RawState.ToArray());
        Assert.Equal(original.Schedule, copy.Schedule);
        Assert.Equal(ran.Outcome, replayed.Outcome);
        Assert.Equal(ran.Steps, replayed.Steps);
        Assert.Equal(ran.StateHash, replayed.StateHash);
        Assert.Equal(ran.Findings, replayed.Findings);
        Assert.True(copy.IsConcluded);
    }
}
