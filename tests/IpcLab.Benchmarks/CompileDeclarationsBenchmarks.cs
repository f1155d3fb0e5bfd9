using System.Text;
using BenchmarkDotNet.Attributes;
using IpcLab.Core.Script;

namespace IpcLab.Benchmarks;

/// <summary>
/// Compiling (parse + compile) a script of N declarations, <c>mutex m0</c> to <c>mutex m{N-1}</c>,
/// and one thread that locks the first. The µs/item column stays flat when compiling is linear in
/// the number of declarations. Run with <c>make bench FILTER='*Compile*'</c>.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(CompileBenchConfig))]
public class CompileDeclarationsBenchmarks
{
    private string _script = "";

    [Params(1_000, 10_000, 100_000)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup() => _script = Script(N);

    [Benchmark]
    public int Compile() => Compiler.CompileText("declarations.ipl", _script).Objects.Count;

    public static string Script(int n)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < n; i++)
        {
            sb.Append("mutex m").Append(i).Append('\n');
        }

        return sb.Append("thread t:\n    lock m0\n    unlock m0\n").ToString();
    }
}
