using BenchmarkDotNet.Attributes;
using IpcLab.Core.Explore;
using IpcLab.Core.Model;
using IpcLab.Core.Script;

namespace IpcLab.Benchmarks;

/// <summary>
/// One complete exploration (<c>ipclab check --all</c>) of a bounded buffer of
/// <see cref="BoundedBufferFamily"/> per invocation. <see cref="ExploreRateColumn"/> turns the time
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

    internal static int StatesOf(string buffer) =>
        Explorer.Explore(Compiler.CompileText("buffer.ipl", BoundedBufferFamily.Text(buffer)), new ExploreOptions()).States;

    private int Explore() => Explorer.Explore(_program, new ExploreOptions()).States;
}
