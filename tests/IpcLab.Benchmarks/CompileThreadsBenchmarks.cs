using System.Text;
using BenchmarkDotNet.Attributes;
using IpcLab.Core.Script;

namespace IpcLab.Benchmarks;

/// <summary>
/// Compiling (parse + compile) a script of N thread blocks, each locking one shared mutex, setting
/// a local and unlocking, next to N/10 other mutexes (so the objects each thread's scope sees grow
/// with N too). The µs/item column stays flat when compiling is linear in the number of blocks.
/// Run with <c>make bench FILTER='*Compile*'</c>.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(CompileBenchConfig))]
public class CompileThreadsBenchmarks
{
    private string _script = "";

    [Params(500, 5_000, 50_000)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup() => _script = Script(N);

    [Benchmark]
    public int Compile() => Compiler.CompileText("threads.ipl", _script).Threads.Count;

    public static string Script(int n)
    {
        var sb = new StringBuilder("mutex m\n");
        for (var i = 0; i < n / 10; i++)
        {
            sb.Append("mutex other").Append(i).Append('\n');
        }

        for (var i = 0; i < n; i++)
        {
            sb.Append("thread t").Append(i).Append(":\n    lock m\n    x = ").Append(i).Append("\n    unlock m\n");
        }

        return sb.ToString();
    }
}
