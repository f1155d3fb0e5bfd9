using FsCheck;
using FsCheck.Fluent;
using IpcLab.Core.Model;
using IpcLab.Core.Runtime;
using IpcLab.Core.Scheduling;
using IpcLab.Core.Tests.KernelTests;
using Runner = IpcLab.Core.Scheduling.Runner;

namespace IpcLab.Core.Tests.Processes;

public sealed class SharedMemoryProperties
{
    /// <summary>Processes that each add 1 to s[0] several times, with or without a mutex that lives in the segment.</summary>
    private static string CounterScript(int[] increments, bool guarded)
    {
        var sb = new System.Text.StringBuilder("shm s size 1\nmutex guard in s\n");
        for (var p = 0; p < increments.Length; p++)
        {
            sb.Append($"process p{p}:\n    thread t{p}:\n        map s\n        repeat {increments[p]}:\n");
            sb.Append(guarded ? "            lock guard\n            s[0] += 1\n            unlock guard\n" : "            s[0] += 1\n");
        }

        sb.Append($"expect s[0] == {increments.Sum()}, \"every increment counts\"\n");
        return sb.ToString();
    }

    private static Arbitrary<int[]> Increments =>
        Gen.Choose(2, 4).SelectMany(n => Gen.ArrayOf(Gen.Choose(1, 3), n)).ToArbitrary();

    [Fact]
    public void Run_GuardedCounterInSharedMemory_EveryIncrementCountsUnderEverySchedule()
    {
        Prop.ForAll(Increments, KernelTestKit.Choices, (increments, choices) =>
        {
            var kernel = KernelTestKit.NewKernel(CounterScript(increments, guarded: true));
            var result = KernelTestKit.Drive(kernel, new ChoiceScheduler(choices, []));

            Assert.True(result.Outcome == RunOutcome.Completed, KernelTestKit.Trace(kernel));
            Assert.Equal(increments.Sum(), kernel.SegmentWords(KernelTestKit.ObjectId(kernel, "s"))[0]);
        }).Check(KernelTestKit.Config(200));
    }

    [Fact]
    public void Run_UnguardedCounterInSharedMemory_SomeScheduleLosesAnUpdate()
    {
        // The same property without the lock must fail: proof that it can fail at all.
        var property = Prop.ForAll(Increments, KernelTestKit.Choices, (increments, choices) =>
        {
            var kernel = KernelTestKit.NewKernel(CounterScript(increments, guarded: false));
            var result = KernelTestKit.Drive(kernel, new ChoiceScheduler(choices, []));
            Assert.DoesNotContain(result.Findings, f => f.Kind == FindingKind.ExpectFailed);
        });

        var error = Assert.ThrowsAny<Exception>(() => property.Check(KernelTestKit.Config(300)));
        Assert.Contains("every increment counts", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Crash_AtGeneratedSteps_NeverLeavesAThreadQueuedOrHangingOnADeadOwner()
    {
        // The guarded counter and the two lessons with processes, with spurious wake-ups, thread
        // crashes and process crashes injected at generated steps.
        string[] scripts =
        [
            CounterScript([2, 2, 1], guarded: true),
            KernelTestKit.LessonText("shm-ring.ipl"),
            KernelTestKit.LessonText("robust-mutex.ipl"),
        ];
        var crashes = 0;
        Prop.ForAll(Gen.Choose(0, scripts.Length - 1).ToArbitrary(), KernelTestKit.Choices, KernelTestKit.Choices, (script, choices, injections) =>
        {
            var kernel = KernelTestKit.NewKernel(scripts[script]);
            KernelTestKit.DriveWithInjections(kernel, new ChoiceScheduler(choices, []), injections, k =>
            {
                foreach (var p in k.Program.Processes.Where(p => !k.IsProcessAlive(p.Id)))
                {
                    Assert.All(p.Threads, t => Assert.Equal(-1, k.WaitObjectOf(t)));
                }

                foreach (var t in k.Program.Threads.Where(t => k.StatusOf(t.Id) == ThreadStatus.Blocked))
                {
                    var m = k.WaitObjectOf(t.Id);
                    var info = k.Program.Objects[m];
                    if (info.Kind == ObjectKind.Mutex && info.Segment >= 0)
                    {
                        Assert.False(
                            k.StatusOf(k.MutexOwner(m)) is ThreadStatus.Faulted or ThreadStatus.Finished,
                            $"{t.Name} hangs on robust mutex {info.Name} whose owner died\n{KernelTestKit.Trace(k)}");
                    }
                }
            });
            crashes += kernel.Events.Count(e => e.Kind is EventKind.ProcessCrashed or EventKind.Crashed);

            // The same schedule, crashes included, replays to the same state.
            var replayed = KernelTestKit.NewKernel(kernel.Program);
            Runner.Replay(replayed, kernel.Schedule);
            Assert.Equal(kernel.StateHash(), replayed.StateHash());
        }).Check(KernelTestKit.Config(300));

        Assert.True(crashes >= 30, $"only {crashes} crashes were injected in 300 runs");
    }
}
