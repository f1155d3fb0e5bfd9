using BenchmarkDotNet.Attributes;
using IpcLab.Core.Model;
using IpcLab.Core.Runtime;

namespace IpcLab.Benchmarks;

/// <summary>
/// One whole run of a program per invocation under <c>RandomScheduler(42)</c>: the bounded buffer
/// (<see cref="Scenario.Text"/>) and a program between processes over a message queue and a stream
/// socket (<see cref="Scenario.IpcText"/>), a broker program (<see cref="BrokerScenario.Text"/>) and a topic read by a
/// consumer group (<see cref="LogScenario.Text"/>).
/// The step count is fixed by the seed; the "Steps/run", "ns/step" and "Msteps/s" columns
/// (see <see cref="StepRateColumn"/>) turn the time of a run into steps per second.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(BenchConfig))]
public class KernelStepBenchmarks
{
    private CompiledProgram _program = null!;
    private Kernel _bare = null!;
    private Kernel _withEvents = null!;
    private Kernel _checked = null!;
    private int _steps;

    [Params("bounded-buffer", "sockets+mqueue", "broker", "log")]
    public string Program { get; set; } = "bounded-buffer";

    /// <summary>The step count of one run, computed once; every benchmark run must match it.</summary>
    public int StepsPerRun => _steps;

    [GlobalSetup]
    public void Setup()
    {
        _program = Scenario.Compile(Program);
        _bare = Scenario.NewKernel(_program, events: false, invariants: false);
        _withEvents = Scenario.NewKernel(_program, events: true, invariants: false);
        _checked = Scenario.NewKernel(_program, events: true, invariants: true);
        _steps = Scenario.RunOnce(_bare).Steps;

        // Warm the logs to their full size once, so the measured runs reuse their capacity.
        Scenario.RunOnce(_withEvents);
    }

    /// <summary>(a) No events, no schedule, no invariant checks: the explorer's setting.</summary>
    [Benchmark(Baseline = true, Description = "run: no events")]
    public int NoEvents() => Run(_bare);

    /// <summary>(b) Events and schedule recorded, invariants off: what a viewer or a saved run needs.</summary>
    [Benchmark(Description = "run: events+schedule")]
    public int WithEvents() => Run(_withEvents);

    /// <summary>(c) Everything on, including the kernel invariants after every step (tests, the command).</summary>
    [Benchmark(Description = "run: events+invariants")]
    public int WithInvariants() => Run(_checked);

    private int Run(Kernel kernel)
    {
        var steps = Scenario.RunOnce(kernel).Steps;
        if (steps != _steps)
        {
            throw new InvalidOperationException($"a run took {steps} steps, the first took {_steps}: the kernel is not deterministic");
        }

        return steps;
    }
}
