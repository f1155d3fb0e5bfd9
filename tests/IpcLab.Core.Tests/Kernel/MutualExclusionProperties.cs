using System.Globalization;
using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;
using IpcLab.Core.Model;
using IpcLab.Core.Runtime;
using IpcLab.Core.Scheduling;
using Runner = IpcLab.Core.Scheduling.Runner;

namespace IpcLab.Core.Tests.KernelTests;

public class MutualExclusionProperties
{
    [Fact]
    public void Step_GeneratedLockedPrograms_NeverTwoThreadsInsideOneMutex()
    {
        var contended = 0;
        var observedInside = 0;
        Prop.ForAll(MutexProgramSpec.Arbitrary(), KernelTestKit.Choices, (spec, choices) =>
        {
            var program = KernelTestKit.Compile(spec.ToScript());
            var kernel = KernelTestKit.NewKernel(program);
            var sections = SectionsOf(program);
            var states = 0;
            var result = KernelTestKit.Drive(kernel, new ChoiceScheduler(choices, []), k =>
            {
                observedInside += CheckExclusion(k, sections);
                states++;
            });

            Assert.True(
                result.Outcome == RunOutcome.Completed,
                $"outcome {result.Outcome}: {string.Join("; ", result.Findings.Select(f => f.Text))}\n{KernelTestKit.Trace(kernel)}");
            Assert.Empty(kernel.Findings);
            Assert.Equal(kernel.StepCount + 1, states);
            Assert.All(Enumerable.Range(0, spec.ThreadCount), t => Assert.Equal(ThreadStatus.Finished, kernel.StatusOf(t)));
            Assert.Equal(2 * spec.Mutexes, kernel.Events.Count(e => e.Kind == EventKind.ExpectHeld));
            contended += kernel.Events.Any(e => e.Kind == EventKind.BlockedOnMutex) ? 1 : 0;
        }).Check(KernelTestKit.Config(200));

        // The generated schedules do exercise the mutex: threads were seen inside, and many runs had a thread block.
        Assert.True(observedInside > 0);
        Assert.True(contended >= 20, $"only {contended} of 200 runs had a thread block on a mutex");
    }

    [Fact]
    public void Run_UnguardedProgram_SomeSeedFailsTheAssertion()
    {
        // Two threads, one section each, no lock: the same program the property checks, minus the mutex.
        var section = new CriticalSection(0, [CriticalStatement.Count]);
        var spec = new MutexProgramSpec(1, [1, 1], [[section], [section]], Guarded: false);
        var program = KernelTestKit.Compile(spec.ToScript());

        var failing = Enumerable.Range(0, 300)
            .Select(seed => (Seed: seed, Result: Runner.Run(KernelTestKit.NewKernel(program), new RandomScheduler((ulong)seed))))
            .FirstOrDefault(r => r.Result.Findings.Any(f => f.Kind == FindingKind.AssertionFailed));

        Assert.NotNull(failing.Result);
        var finding = failing.Result.Findings.First(f => f.Kind == FindingKind.AssertionFailed);
        Assert.Contains("assertion failed: two threads inside the section of m0", finding.Text, StringComparison.Ordinal);

        // The guarded program passes under that very seed.
        var guarded = Runner.Run(KernelTestKit.NewKernel((spec with { Guarded = true }).ToScript()), new RandomScheduler((ulong)failing.Seed));
        Assert.Equal(RunOutcome.Completed, guarded.Outcome);
    }

    [Fact]
    public void Check_UnguardedGeneratedPrograms_FailsWithShrunkCounterexample()
    {
        // The same property on programs without their locks must fail, and FsCheck must report a
        // shrunk counterexample: proof that the property above can fail at all.
        var property = Prop.ForAll(MutexProgramSpec.Arbitrary(minThreads: 2, guarded: false), KernelTestKit.Choices, (spec, choices) =>
        {
            var kernel = KernelTestKit.NewKernel(spec.ToScript());
            var result = KernelTestKit.Drive(kernel, new ChoiceScheduler(choices, []));
            Assert.DoesNotContain(result.Findings, f => f.Kind is FindingKind.AssertionFailed or FindingKind.ExpectFailed);
        });

        var error = Assert.ThrowsAny<Exception>(() => property.Check(KernelTestKit.Config(300)));
        var message = error.Message.ReplaceLineEndings("\n");
        Assert.StartsWith("Falsifiable", message, StringComparison.Ordinal);
        var shrinks = Regex.Match(message, @"\((\d+) shrinks?\)");
        Assert.True(shrinks.Success && int.Parse(shrinks.Groups[1].Value, CultureInfo.InvariantCulture) > 0, message);
        var original = Between(message, "\nOriginal:\n", "\nShrunk:\n");
        var shrunk = Between(message, "\nShrunk:\n", "\nwith exception:\n");
        Assert.True(shrunk.Length < original.Length, message);
        Assert.Contains("thread t1:", shrunk, StringComparison.Ordinal);
        Assert.Contains("Xunit.Sdk", message[message.IndexOf("\nwith exception:\n", StringComparison.Ordinal)..], StringComparison.Ordinal);
    }

    private static string Between(string text, string start, string end)
    {
        var from = text.IndexOf(start, StringComparison.Ordinal);
        var to = text.IndexOf(end, StringComparison.Ordinal);
        Assert.True(from >= 0 && to > from, $"expected '{start.Trim()}' before '{end.Trim()}' in:\n{text}");
        return text[(from + start.Length)..to];
    }

    /// <summary>Per thread: (pc of the lock, pc of the matching unlock, mutex id) of each critical section.</summary>
    private static (int Lock, int Unlock, int Mutex)[][] SectionsOf(CompiledProgram program) =>
        program.Threads.Select(thread =>
        {
            var sections = new List<(int, int, int)>();
            var open = new Dictionary<int, int>();
            for (var pc = 0; pc < thread.Code.Length; pc++)
            {
                var instr = thread.Code[pc];
                if (instr.Op == OpCode.Lock)
                {
                    open.Add(instr.A, pc);
                }
                else if (instr.Op == OpCode.Unlock)
                {
                    sections.Add((open[instr.A], pc, instr.A));
                    open.Remove(instr.A);
                }
            }

            Assert.Empty(open);
            return sections.ToArray();
        }).ToArray();

    /// <summary>
    /// A thread is inside a section once its lock step is done (its pc is past the lock) until its
    /// unlock step is done (its pc is past the unlock). Whoever is inside must own the mutex, so
    /// nobody else can be; and whoever owns a mutex must be inside one of its sections.
    /// </summary>
    /// <returns>How many threads are inside a section.</returns>
    private static int CheckExclusion(Kernel kernel, (int Lock, int Unlock, int Mutex)[][] sections)
    {
        var insideOf = new Dictionary<int, int>();
        for (var t = 0; t < sections.Length; t++)
        {
            var pc = kernel.PcOf(t);
            foreach (var (lockPc, unlockPc, mutex) in sections[t])
            {
                if (pc > lockPc && pc <= unlockPc)
                {
                    Assert.True(
                        insideOf.TryAdd(mutex, t),
                        $"step {kernel.StepCount}: t{insideOf.GetValueOrDefault(mutex)} and t{t} are both inside {kernel.ObjectName(mutex)}\n{KernelTestKit.Trace(kernel)}");
                    Assert.Equal(t, kernel.MutexOwner(mutex));
                    Assert.Equal(ThreadStatus.Ready, kernel.StatusOf(t));
                }
            }
        }

        foreach (var mutex in kernel.Program.ObjectsOf(ObjectKind.Mutex))
        {
            var owner = kernel.MutexOwner(mutex.Id);
            Assert.Equal(owner, insideOf.GetValueOrDefault(mutex.Id, -1));
            foreach (var waiter in kernel.WaitersOf(mutex.Id))
            {
                Assert.Equal(ThreadStatus.Blocked, kernel.StatusOf(waiter));
                Assert.NotEqual(owner, waiter);
            }
        }

        return insideOf.Count;
    }
}
