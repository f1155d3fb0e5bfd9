using BenchmarkDotNet.Attributes;
using IpcLab.Core.Runtime;
using IpcLab.Core.Scheduling;

namespace IpcLab.Benchmarks;

/// <summary>
/// The cost of the state as a value, at a mid-run state of <see cref="Scenario.Text"/> (after
/// <see cref="StepsBefore"/> steps under <c>RandomScheduler(42)</c>): what the explorer pays per
/// visited state, and what a step back costs.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(BenchConfig))]
public class SnapshotBenchmarks
{
    public const int StepsBefore = 1000;

    private Kernel _kernel = null!;
    private KernelSnapshot _mid = null!;

    [GlobalSetup]
    public void Setup()
    {
        _kernel = Scenario.NewKernel(Scenario.Compile(), events: false, invariants: false);
        _kernel.Reset();
        var scheduler = new RandomScheduler(Scenario.Seed);
        Span<int> runnable = stackalloc int[_kernel.Layout.ThreadCount];
        while (_kernel.StepCount < StepsBefore)
        {
            var n = _kernel.CollectRunnable(runnable);
            if (n == 0)
            {
                throw new InvalidOperationException($"the scenario ended after {_kernel.StepCount} steps, before step {StepsBefore}");
            }

            _kernel.Step(scheduler.ChooseThread(_kernel, runnable[..n]), scheduler);
        }

        _mid = _kernel.Snapshot();
        Console.WriteLine($"// state at step {StepsBefore}: {_kernel.Layout.Size} longs ({_kernel.Layout.Size * sizeof(long)} bytes of state)");
    }

    [Benchmark(Description = "Snapshot()")]
    public KernelSnapshot Snapshot() => _kernel.Snapshot();

    [Benchmark(Description = "Restore(snapshot)")]
    public int Restore()
    {
        _kernel.Restore(_mid);
        return _kernel.StepCount;
    }

    [Benchmark(Description = "StateHash()")]
    public ulong StateHash() => _kernel.StateHash();

    [Benchmark(Description = "Snapshot()+StateHash()")]
    public ulong SnapshotAndHash()
    {
        var snapshot = _kernel.Snapshot();
        return _kernel.StateHash() ^ (ulong)snapshot.Data.Length;
    }
}
