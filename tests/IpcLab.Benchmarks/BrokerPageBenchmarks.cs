using BenchmarkDotNet.Attributes;
using IpcLab.Core.Script;
using IpcLab.Core.Sessions;
using IpcLab.Tui.App;
using IpcLab.Tui.Views.Broker;

namespace IpcLab.Benchmarks;

/// <summary>
/// The view data of the broker page (x on the run screen), which is rebuilt on every key while it
/// is shown: the diagram, the messages in flight, a message's path, the routing tables and the
/// queues of lessons/broker-topic-logs.ipl at step <see cref="At"/> under round-robin, with the
/// path of its first message open. Run with
/// <c>make bench FILTER='*BrokerPage*'</c> (add <c>--job short</c> through dotnet run for a quick figure).
/// </summary>
[MemoryDiagnoser]
public class BrokerPageBenchmarks
{
    /// <summary>Mid-run: a message ready in each queue, one delivered and unacked, one acked.</summary>
    public const int At = 18;

    private const string Lesson = "lessons/broker-topic-logs.ipl";

    private Session _session = null!;
    private BrokerPaneState _pane = null!;

    [Params(120, 160)]
    public int Width { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var program = Compiler.CompileText(Lesson, File.ReadAllText(Path.Combine(RepoFolder.Root(), Lesson)));
        _session = RunFiles.NewSession(program);
        _session.UseScheduler(SchedulerKind.RoundRobin);
        if (_session.GoTo(At) != At)
        {
            throw new InvalidOperationException($"{Lesson} ended before step {At} under round-robin");
        }

        _pane = new BrokerPaneState();
        _pane.Cycle(_session.Kernel, new MessageLabels(_session.Kernel), 1);
    }

    [Benchmark]
    public int Build() => BrokerPage.Build(_session.Kernel, _pane, Width, Width == 120 ? 33 : 41).Lines.Count;
}
