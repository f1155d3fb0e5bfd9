using BenchmarkDotNet.Attributes;
using IpcLab.Core.Runtime;
using IpcLab.Core.Script;
using IpcLab.Core.Sessions;
using IpcLab.Tui;
using IpcLab.Tui.App;
using IpcLab.Tui.Views;
using Spectre.Console.Rendering;

namespace IpcLab.Benchmarks;

/// <summary>
/// The terminal UI's cost per frame, on the run screen of lessons/bounded-buffer.ipl at step
/// <see cref="Step"/> under round-robin (producer-2 blocked on m, one job in the buffer, events
/// and a status line to show): building the frame (<see cref="Frame.Build"/>) and rendering it
/// off-screen to the ANSI text the live terminal writes (<see cref="ConsoleTerminal.Render"/>).
/// The target is a p50 under 5 ms at 120x40: see the Median and P95 columns of the
/// <c>PerFrame</c> and <c>First100</c> jobs, where one iteration is one frame (see
/// <see cref="FrameBenchConfig"/>). Run with <c>make bench FILTER='*Frame*'</c>.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(FrameBenchConfig))]
public class FrameBenchmarks
{
    /// <summary>The step the run is opened at: mid-run, a producer blocked, the buffer not empty.</summary>
    public const int Step = 40;

    private const string Lesson = "lessons/bounded-buffer.ipl";

    private TuiState _state = null!;

    [GlobalSetup]
    public void Setup()
    {
        var root = RepoRoot();
        var program = Compiler.CompileText(Lesson, File.ReadAllText(Path.Combine(root, Lesson)));

        // The session the TUI opens a script with (its step budget), on round-robin, its default.
        var session = RunFiles.NewSession(program);
        session.UseScheduler(SchedulerKind.RoundRobin);
        if (session.GoTo(Step) != Step)
        {
            throw new InvalidOperationException($"{Lesson} ended before step {Step} under round-robin");
        }

        _state = new TuiState
        {
            Screen = Screen.Run,
            ScreenBeforeHelp = Screen.Run,
            Session = session,
            FileName = Lesson,
            Status = StatusText.AtStep(session),
        };
        CheckMidRun(session.Kernel);
    }

    /// <summary>(a) The frame as a renderable: every view, the layout, no text yet.</summary>
    [Benchmark(Baseline = true, Description = "Build 120x40")]
    public IRenderable Build() => Frame.Build(_state, 120, 40);

    /// <summary>(b) Build, then render to ANSI text as the live terminal does before its one write.</summary>
    [Benchmark(Description = "Build+render 120x40")]
    public string BuildAndRender() => ConsoleTerminal.Render(Frame.Build(_state, 120, 40), 120, 40);

    /// <summary>(c) The same on a larger terminal.</summary>
    [Benchmark(Description = "Build+render 160x48")]
    public string BuildAndRenderLarge() => ConsoleTerminal.Render(Frame.Build(_state, 160, 48), 160, 48);

    /// <summary>
    /// The folder holding IpcLab.sln, walking up from the running assembly (the benchmark runs in a
    /// child process built under tests/IpcLab.Benchmarks/bin, still inside the repository).
    /// </summary>
    internal static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "IpcLab.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"no IpcLab.sln above {AppContext.BaseDirectory}");
    }

    /// <summary>Fails the setup unless the measured state is the intended one: a producer held up, items in the buffer.</summary>
    private static void CheckMidRun(Kernel kernel)
    {
        var program = kernel.Program;
        var producerHeld = Enumerable.Range(0, program.Threads.Count).Any(t =>
            kernel.ThreadName(t).StartsWith("producer", StringComparison.Ordinal)
            && kernel.StatusOf(t) is ThreadStatus.Blocked or ThreadStatus.Waiting);
        var buffer = program.Objects.Single(o => o.Name == "buffer");
        var items = kernel.QueueItems(buffer.Id).Length;
        if (!producerHeld || items == 0)
        {
            throw new InvalidOperationException($"at step {Step} no producer is blocked or the buffer is empty ({items} items): not the intended mid-run state");
        }

        Console.WriteLine($"// {Lesson} at step {Step} (round-robin): a producer blocked, {items} item(s) in the buffer");
    }
}
