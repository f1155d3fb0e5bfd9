using BenchmarkDotNet.Attributes;
using IpcLab.Core.Explore;
using IpcLab.Core.Model;
using IpcLab.Core.Script;

namespace IpcLab.Benchmarks;

/// <summary>
/// The sampler of <c>ipclab check</c> (without <c>--all</c>): 2,000 seeded runs of a bounded
/// buffer of <see cref="BoundedBufferFamily"/> (a correct program, so nothing is confirmed or
/// shrunk) per invocation, by strategy and number of workers. Each operation is one schedule:
/// the mean is the time of one schedule; with one worker that is CPU time, so 1 s / mean is
/// schedules per CPU-second. With two workers, the wall time on two cores.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(SamplingBenchConfig))]
public class SamplingBenchmarks
{
    private const int Runs = 2_000;

    private CompiledProgram _program = null!;

    [Params("P2C2B2K3")]
    public string Buffer { get; set; } = "P2C2B2K3";

    [Params(SamplingStrategy.Random, SamplingStrategy.Portfolio)]
    public SamplingStrategy Strategy { get; set; } = SamplingStrategy.Portfolio;

    [Params(1, 2)]
    public int Workers { get; set; } = 1;

    [GlobalSetup]
    public void Setup() => _program = Compiler.CompileText("buffer.ipl", BoundedBufferFamily.Text(Buffer));

    [Benchmark(Description = "sample one schedule", OperationsPerInvoke = Runs)]
    public int Sample()
    {
        var report = Checker.Check(_program, new CheckOptions { Runs = Runs, Strategy = Strategy, Workers = Workers });
        if (report.RunsWithFindings != 0)
        {
            throw new InvalidOperationException("the correct bounded buffer was found at fault: the benchmark measures something else");
        }

        return report.DistinctFinalStates;
    }
}
