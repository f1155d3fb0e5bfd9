using FsCheck;
using FsCheck.Fluent;
using IpcLab.Core.Model;
using IpcLab.Core.Runtime;
using IpcLab.Core.Tests.KernelTests;

namespace IpcLab.Core.Tests.Objects;

/// <summary>
/// What every channel-like kind promises, written once and run over each of them (the way one
/// abstract suite runs over every channel of System.Threading.Channels): producers send numbered
/// items through a channel of some capacity to one consumer, under generated schedules. A kind
/// says how its script looks and how many items it holds now; the properties are the same.
/// </summary>
public abstract class ChannelContract
{
    /// <summary>The script: <paramref name="producers"/> threads each send items "NAME.1" to "NAME.<paramref name="items"/>" through `ch`; the consumer prints each item it gets.</summary>
    protected abstract string Script(int producers, int items, int capacity);

    /// <summary>How many items (or bytes) the channel holds now.</summary>
    protected abstract int Held(Kernel kernel, ObjectInfo channel);

    /// <summary>How many items a receiver blocked on the channel could take now (by default all it holds: a blocked receiver finds it empty).</summary>
    protected virtual int ReceivableNow(Kernel kernel, ObjectInfo channel) => Held(kernel, channel);

    /// <summary>The most the channel may hold in a run of the script (its capacity; a log's retention, which its script sizes to the workload).</summary>
    protected virtual int Bound(int producers, int items, int capacity) => capacity;

    /// <summary>How many producers the kind's script supports (a stream connection has one writer).</summary>
    protected virtual int MaxProducers => 3;

    /// <summary>True for a thread that blocks on the channel only because it is full or empty (all of them but a replicated log's brokers and its acks(all) producers, which wait for a copy).</summary>
    protected virtual bool WaitsForRoomOrItems(ThreadInfo thread) => true;

    /// <summary>The consumer's prints as the items it got (a stream may split and join what was sent).</summary>
    protected virtual IReadOnlyList<string> Received(IEnumerable<string> prints) => prints.ToArray();

    private static Arbitrary<(int Producers, int Items, int Capacity, int[] Choices)> Runs(int maxProducers) =>
        (from producers in Gen.Choose(1, maxProducers)
         from items in Gen.Choose(1, 3)
         from capacity in Gen.Choose(1, 3)
         from choices in ArbMap.Default.GeneratorFor<int[]>()
         select (producers, items, capacity, choices)).ToArbitrary();

    [Fact]
    public void Run_AnySchedule_EveryItemArrivesOnceInItsProducersOrder()
    {
        Prop.ForAll(Runs(MaxProducers), run =>
        {
            var kernel = Start(run.Producers, run.Items, run.Capacity, out var channel);
            var result = KernelTestKit.Drive(kernel, new ChoiceScheduler(run.Choices, []));
            Assert.True(kernel.Findings.Count == 0, $"{Describe(run)}: {string.Join("; ", kernel.Findings.Select(f => f.Text))}\n{KernelTestKit.Trace(kernel)}");
            var got = Received(Prints(kernel));
            var sent = Sent(kernel, run.Items);
            Assert.Equal(sent.Order(StringComparer.Ordinal), got.Order(StringComparer.Ordinal));
            AssertProducerOrder(got, Describe(run));
            Assert.Equal(0, Held(kernel, channel));
            Assert.Equal(Scheduling.RunOutcome.Completed, result.Outcome);
        }).Check(KernelTestKit.Config(60));
    }

    [Fact]
    public void Step_AnySchedule_NeverHoldsMoreThanItsCapacity()
    {
        Prop.ForAll(Runs(MaxProducers), run =>
        {
            var kernel = Start(run.Producers, run.Items, run.Capacity, out var channel);
            KernelTestKit.Drive(kernel, new ChoiceScheduler(run.Choices, []), k =>
                Assert.True(Held(k, channel) <= Bound(run.Producers, run.Items, run.Capacity), $"{Describe(run)}: holds {Held(k, channel)} at step {k.StepCount}"));
        }).Check(KernelTestKit.Config(60));
    }

    /// <summary>A thread blocked on the channel could not go on: a receiver finds nothing, a sender finds it full.</summary>
    [Fact]
    public void Step_AnySchedule_ABlockedThreadCouldNotGoOn()
    {
        Prop.ForAll(Runs(MaxProducers), run =>
        {
            var kernel = Start(run.Producers, run.Items, run.Capacity, out var channel);
            KernelTestKit.Drive(kernel, new ChoiceScheduler(run.Choices, []), k =>
            {
                foreach (var t in k.Program.Threads)
                {
                    if (k.StatusOf(t.Id) == ThreadStatus.Blocked && k.WaitObjectOf(t.Id) == channel.Id && WaitsForRoomOrItems(t))
                    {
                        var receiving = t.Name.StartsWith("consumer", StringComparison.Ordinal);
                        var held = receiving ? ReceivableNow(k, channel) : Held(k, channel);
                        Assert.True(receiving ? held == 0 : held == run.Capacity, $"{Describe(run)}: {t.Name} is blocked on ch holding {held} at step {k.StepCount}");
                    }
                }
            });
        }).Check(KernelTestKit.Config(60));
    }

    /// <summary>Whatever thread crashes at whatever step, nothing arrives twice, nothing arrives out of its producer's order, and the kernel stays consistent.</summary>
    [Fact]
    public void Crash_AnyThreadAtAnyStep_NothingDuplicatedNorReordered()
    {
        var gen = from run in Runs(MaxProducers).Generator
                  from at in Gen.Choose(0, 40)
                  from victim in Gen.Choose(0, 3)
                  select (run, at, victim);
        Prop.ForAll(gen.ToArbitrary(), x =>
        {
            var kernel = Start(x.run.Producers, x.run.Items, x.run.Capacity, out _);
            var crashed = false;
            KernelTestKit.Drive(kernel, new ChoiceScheduler(x.run.Choices, []), k =>
            {
                var victim = x.victim % k.Program.Threads.Count;
                if (!crashed && k.StepCount >= x.at && k.WhyCannotCrash(victim) is null && !k.IsOver)
                {
                    crashed = true;
                    k.InjectCrash(victim);
                }
            });
            AssertPartArrived(Sent(kernel, x.run.Items), Prints(kernel).ToArray(), Describe(x.run));
            Assert.True(kernel.IsConcluded);
        }).Check(KernelTestKit.Config(60));
    }

    private Kernel Start(int producers, int items, int capacity, out ObjectInfo channel)
    {
        var kernel = KernelTestKit.NewKernel(Script(producers, items, capacity), KernelTestKit.Options with { MaxSteps = 5_000 });
        channel = kernel.Program.Objects.Single(o => o.Name == "ch");
        return kernel;
    }

    private static IEnumerable<string> Prints(Kernel kernel) =>
        kernel.Events.Where(e => e.Kind == EventKind.Printed).Select(e => kernel.Strings[e.Value]);

    private static IReadOnlyList<string> Sent(Kernel kernel, int items) =>
        kernel.Program.Threads.Where(t => t.Name.StartsWith("producer", StringComparison.Ordinal))
            .SelectMany(t => Enumerable.Range(1, items).Select(i => $"{t.Name}.{i}")).ToArray();

    /// <summary>After a crash some items may be missing, never doubled nor out of their producer's order.</summary>
    protected virtual void AssertPartArrived(IReadOnlyList<string> sent, IReadOnlyList<string> prints, string run)
    {
        var got = Received(prints);
        Assert.Equal(got.Count, got.Distinct(StringComparer.Ordinal).Count());
        Assert.Subset(sent.ToHashSet(StringComparer.Ordinal), got.ToHashSet(StringComparer.Ordinal));
        AssertProducerOrder(got, run);
    }

    protected static void AssertProducerOrder(IReadOnlyList<string> got, string run)
    {
        foreach (var byProducer in got.GroupBy(item => item[..item.LastIndexOf('.')], StringComparer.Ordinal))
        {
            var numbers = byProducer.Select(item => int.Parse(item[(item.LastIndexOf('.') + 1)..], System.Globalization.CultureInfo.InvariantCulture)).ToArray();
            Assert.True(numbers.SequenceEqual(numbers.Order()), $"{run}: {byProducer.Key}'s items arrived as {string.Join(", ", numbers)}");
        }
    }

    private static string Describe((int Producers, int Items, int Capacity, int[] Choices) run) =>
        $"{run.Producers} producers x {run.Items} items, capacity {run.Capacity}";
}
