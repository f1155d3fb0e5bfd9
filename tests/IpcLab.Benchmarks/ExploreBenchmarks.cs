using BenchmarkDotNet.Attributes;
using IpcLab.Core.Explore;
using IpcLab.Core.Model;
using IpcLab.Core.Script;

namespace IpcLab.Benchmarks;

/// <summary>
/// One complete exploration (<c>ipclab check --all</c>) of a bounded buffer of
/// <see cref="BoundedBufferFamily"/> per invocation, without reductions, with the symmetry
/// reduction, with both it and the partial-order reduction, or with it and the merging of invisible
/// steps ("merge", which has no state limit: it explores the buffer completely). <see cref="ExploreRateColumn"/> turns the time
/// and the allocation of one exploration into states per second and bytes per state.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ExploreBenchConfig))]
public class ExploreBenchmarks
{
    private CompiledProgram _program = null!;
    private int _states;

    [Params("P2C2B1K2", "P2C2B2K3", "P3C3B2K2")]
    public string Buffer { get; set; } = "P2C2B2K3";

    [Params("none", "symmetry", "both", "merge")]
    public string Reductions { get; set; } = "none";

    [GlobalSetup]
    public void Setup()
    {
        _program = Compiler.CompileText("buffer.ipl", BoundedBufferFamily.Text(Buffer));
        _states = Explore();
    }

    [Benchmark(Description = "explore every schedule")]
    public int ExploreAll()
    {
        var states = Explore();
        if (states != _states)
        {
            throw new InvalidOperationException($"an exploration found {states} states, the first {_states}: the explorer is not deterministic");
        }

        return states;
    }

    /// <summary>One exploration of <paramref name="buffer"/> with <paramref name="reductions"/> (the columns' figures).</summary>
    internal static ExploreReport ReportOf(string buffer, string reductions) =>
        Explorer.Explore(Compiler.CompileText("buffer.ipl", BoundedBufferFamily.Text(buffer)), OptionsFor(reductions));

    internal static ExploreOptions OptionsFor(string reductions) => new()
    {
        Symmetry = reductions != "none",
        PartialOrder = reductions == "both",
        Merge = reductions == "merge",
        MaxStates = reductions == "merge" ? int.MaxValue : ExploreOptions.DefaultMaxStates,
    };

    private int Explore() => Explorer.Explore(_program, OptionsFor(Reductions)).States;
}
