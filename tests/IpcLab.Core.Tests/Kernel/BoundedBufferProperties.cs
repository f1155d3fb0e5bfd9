using FsCheck;
using FsCheck.Fluent;
using IpcLab.Core.Model;
using IpcLab.Core.Runtime;
using IpcLab.Core.Scheduling;

namespace IpcLab.Core.Tests.KernelTests;

public class BoundedBufferProperties
{
    [Fact]
    public void Run_GeneratedSchedules_EveryJobTakenOnceInProducerOrder()
    {
        Prop.ForAll(BufferSpec.Arbitrary(), KernelTestKit.Choices, KernelTestKit.Choices, (spec, threads, waiters) =>
            CheckRun(spec, new ChoiceScheduler(threads, waiters)))
            .Check(KernelTestKit.Config(200));
    }

    [Fact]
    public void Run_RandomSchedulerWithRandomWaiters_EveryJobTakenOnceInProducerOrder()
    {
        Prop.ForAll(BufferSpec.Arbitrary(), ArbMap.Default.ArbFor<ulong>(), (spec, seed) =>
            CheckRun(spec, new RandomScheduler(seed, randomWaiters: true)))
            .Check(KernelTestKit.Config(200));
    }

    private static void CheckRun(BufferSpec spec, IScheduler scheduler)
    {
        var kernel = KernelTestKit.NewKernel(spec.ToScript());
        var buffer = KernelTestKit.ObjectId(kernel, "buffer");
        var model = new Queue<long>();
        var seen = 0;

        // After every step the queue holds exactly the jobs put and not yet taken, oldest first.
        var result = KernelTestKit.Drive(kernel, scheduler, k =>
        {
            for (; seen < k.Events.Count; seen++)
            {
                var e = k.Events[seen];
                if (e.Kind == EventKind.Put)
                {
                    model.Enqueue(e.Value);
                }
                else if (e.Kind == EventKind.Took)
                {
                    Assert.True(model.TryDequeue(out var head), $"step {e.Step}: took from a queue the model says is empty");
                    Assert.Equal(k.Strings[head], k.Strings[e.Value]);
                }
            }

            Assert.Equal(model.Select(v => k.Strings[v]), k.QueueItems(buffer).Select(v => k.Strings[v]));
        });

        var trace = $"{string.Join("; ", result.Findings.Select(f => f.Text))}\n{KernelTestKit.Trace(kernel)}";
        Assert.True(result.Outcome == RunOutcome.Completed, $"outcome {result.Outcome}: {trace}");
        Assert.Empty(kernel.Findings);
        Assert.All(Enumerable.Range(0, kernel.Program.Threads.Count), t => Assert.Equal(ThreadStatus.Finished, kernel.StatusOf(t)));
        Assert.Empty(model);

        // Every job put is taken exactly once, and nothing else is.
        var producers = kernel.Program.Threads.Where(t => t.Template == "producer").Select(t => t.Name).ToArray();
        Assert.Equal(spec.Producers, producers.Length);
        var expected = producers.SelectMany(p => Enumerable.Range(1, spec.ItemsPerProducer).Select(i => $"job {p}.{i}")).Order(StringComparer.Ordinal);
        var took = kernel.Events.Where(e => e.Kind == EventKind.Took).ToArray();
        var takenJobs = took.Select(e => kernel.Strings[e.Value]).ToArray();
        Assert.Equal(expected, takenJobs.Order(StringComparer.Ordinal));
        Assert.Equal(
            kernel.Events.Where(e => e.Kind == EventKind.Put).Select(e => kernel.Strings[e.Value]),
            takenJobs);

        // Each producer's jobs come out in the order it made them.
        foreach (var p in producers)
        {
            var order = takenJobs.Where(j => j.StartsWith($"job {p}.", StringComparison.Ordinal))
                .Select(j => int.Parse(j[(j.LastIndexOf('.') + 1)..], System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(Enumerable.Range(1, spec.ItemsPerProducer), order);
        }

        // Each consumer took its share and printed what it took, in the order it took it.
        var consumers = kernel.Program.Threads.Where(t => t.Template.StartsWith("consumer", StringComparison.Ordinal)).ToArray();
        Assert.Equal(spec.Consumers, consumers.Length);
        for (var j = 0; j < consumers.Length; j++)
        {
            var id = consumers[j].Id;
            var tookHere = took.Where(e => e.Thread == id).Select(e => kernel.Strings[e.Value]).ToArray();
            Assert.Equal(spec.ShareOf(j), tookHere.Length);
            var printed = kernel.Events.Where(e => e.Kind == EventKind.Printed && e.Thread == id).Select(e => kernel.Strings[e.Value]);
            Assert.Equal(tookHere, printed);
        }

        Assert.Contains(kernel.Events, e => e.Kind == EventKind.ExpectHeld);
        Assert.Equal(spec.TotalItems, kernel.SharedValue(kernel.Program.Objects.Single(o => o.Name == "taken").Slot));
    }
}
