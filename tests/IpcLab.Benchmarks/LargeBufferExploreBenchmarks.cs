using BenchmarkDotNet.Attributes;
using IpcLab.Core.Explore;
using IpcLab.Core.Model;
using IpcLab.Core.Script;

namespace IpcLab.Benchmarks;

/// <summary>
/// The bounded buffer SPIN was measured on (P=C=3, capacity 3, 4 items each: 34.5 M states in
/// 43-76 CPU-s there), explored completely with the symmetry and merging reductions: one
/// exploration of some 20 M states per invocation. Only with those reductions: without them the
/// same buffer does not end in any time a benchmark can wait.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ExploreBenchConfig))]
public class LargeBufferExploreBenchmarks
{
    private CompiledProgram _program = null!;

    [Params("P3C3B3K4")]
    public string Buffer { get; set; } = "P3C3B3K4";

    [Params("merge")]
    public string Reductions { get; set; } = "merge";

    [GlobalSetup]
    public void Setup() => _program = Compiler.CompileText("buffer.ipl", BoundedBufferFamily.Text(Buffer));

    [Benchmark(Description = "explore every schedule")]
    public int ExploreAll()
    {
        var report = Explorer.Explore(_program, ExploreBenchmarks.OptionsFor(Reductions));
        return report.IsExhaustive
            ? report.States
            : throw new InvalidOperationException($"{Buffer} was not explored completely: stopped {report.Stop} after {report.States} states");
    }
}
