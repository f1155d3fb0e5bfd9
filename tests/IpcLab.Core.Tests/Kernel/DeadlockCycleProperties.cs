using FsCheck;
using FsCheck.Fluent;
using IpcLab.Core.Runtime;
using IpcLab.Core.Scheduling;

namespace IpcLab.Core.Tests.KernelTests;

public class DeadlockCycleProperties
{
    [Fact]
    public void Step_GeneratedNestedLocks_CycleReportedExactlyWhenItForms()
    {
        var cyclesSeen = 0;
        Prop.ForAll(LockOrderSpec.Arbitrary(), KernelTestKit.Choices, (spec, choices) =>
        {
            var kernel = KernelTestKit.NewKernel(spec.ToScript());
            var known = new HashSet<string>(StringComparer.Ordinal);
            var result = KernelTestKit.Drive(kernel, new ChoiceScheduler(choices, []), k =>
            {
                // The cycles in the wait-for graph now, each as its sorted thread names.
                var cycles = CyclesOf(k);
                var reported = k.Findings.Where(f => f.Kind == FindingKind.DeadlockCycle).ToArray();
                Assert.Equal(cycles.Count, reported.Length);
                Assert.Equal(cycles, reported.Select(f => NamesIn(f.Text)).ToHashSet(StringComparer.Ordinal));

                // A cycle is reported by the step that formed it, by the thread that closed it.
                foreach (var cycle in cycles.Where(c => !known.Contains(c)))
                {
                    var finding = reported.Single(f => NamesIn(f.Text) == cycle);
                    Assert.Equal(k.StepCount, finding.Step);
                    Assert.Equal(k.Schedule[^1].Thread, finding.Thread);
                    known.Add(cycle);
                }
            });

            if (known.Count == 0)
            {
                Assert.Equal(RunOutcome.Completed, result.Outcome);
            }
            else
            {
                cyclesSeen++;
                Assert.Equal(FindingKind.Deadlock, result.Findings[^1].Kind);
            }
        }).Check(KernelTestKit.Config(300));

        Assert.True(cyclesSeen >= 10, $"only {cyclesSeen} of 300 runs formed a cycle");
    }

    /// <summary>"deadlock: b, a wait for each other in a cycle: ..." → "a,b".</summary>
    private static string NamesIn(string text)
    {
        const string Prefix = "deadlock: ";
        Assert.StartsWith(Prefix, text, StringComparison.Ordinal);
        var end = text.IndexOf(" wait for each other in a cycle: ", StringComparison.Ordinal);
        Assert.True(end > 0, text);
        return string.Join(",", text[Prefix.Length..end].Split(", ").Order(StringComparer.Ordinal));
    }

    /// <summary>Threads blocked on a mutex point at its owner; each cycle of that graph as sorted names.</summary>
    private static HashSet<string> CyclesOf(Kernel kernel)
    {
        var threads = kernel.Program.Threads.Count;
        var next = new int[threads];
        for (var t = 0; t < threads; t++)
        {
            var obj = kernel.WaitObjectOf(t);
            next[t] = kernel.StatusOf(t) == ThreadStatus.Blocked && obj >= 0 && kernel.Program.Objects[obj].Kind == Model.ObjectKind.Mutex
                ? kernel.MutexOwner(obj)
                : -1;
        }

        var cycles = new HashSet<string>(StringComparer.Ordinal);
        for (var start = 0; start < threads; start++)
        {
            var path = new List<int>();
            var t = start;
            while (t >= 0 && !path.Contains(t))
            {
                path.Add(t);
                t = next[t];
            }

            if (t >= 0)
            {
                var members = path.Skip(path.IndexOf(t)).Select(kernel.ThreadName).Order(StringComparer.Ordinal);
                cycles.Add(string.Join(",", members));
            }
        }

        return cycles;
    }
}
