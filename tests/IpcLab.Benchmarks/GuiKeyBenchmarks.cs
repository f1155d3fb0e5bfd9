using BenchmarkDotNet.Attributes;
using IpcLab.Core.Script;
using IpcLab.Core.Sessions;
using IpcLab.Tui;
using IpcLab.Tui.App;
using IpcLab.Tui.Gui;
using Terminal.Gui.App;
using Terminal.Gui.Input;
using Terminal.Gui.Testing;
using Terminal.Gui.Time;

namespace IpcLab.Benchmarks;

/// <summary>
/// The in-process part of a key press on the Terminal.Gui run screen: a key injected into the
/// application (as its input processor hands it on), the screen's view data rebuilt, and the
/// layout and draw of what changed into the ANSI driver's buffer and its output (headless: the
/// driver writes to memory, not to a terminal). One iteration is one key and one frame:
/// space steps lessons/bounded-buffer.ipl forward from step <see cref="From"/>, b steps it back,
/// alternately, so every frame shows a new step. What it leaves out is the terminal's part (the
/// key's bytes reaching the input thread, the frame's bytes reaching the screen), which
/// <c>make bench-tui-key</c> measures from outside. The target for the whole key press is a p50
/// under 16 ms at 120x40: see the Median and P95 columns of the <c>PerFrame</c> job.
/// Run with <c>make bench FILTER='*GuiKey*'</c>.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(FrameBenchConfig))]
public class GuiKeyBenchmarks
{
    /// <summary>The step the run is opened at: mid-run, a producer blocked, the buffer not empty.</summary>
    public const int From = 40;

    private const string Lesson = "lessons/bounded-buffer.ipl";

    private IApplication _app = null!;
    private GuiRunScreen _screen = null!;
    private SessionToken? _token;
    private bool _forward = true;

    [Params(120, 160)]
    public int Width { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var root = RepoFolder.Root();
        var program = Compiler.CompileText(Lesson, File.ReadAllText(Path.Combine(root, Lesson)));
        var session = RunFiles.NewSession(program);
        session.UseScheduler(SchedulerKind.RoundRobin);
        if (session.GoTo(From) != From)
        {
            throw new InvalidOperationException($"{Lesson} ended before step {From} under round-robin");
        }

        var state = new TuiState
        {
            Screen = Screen.Run,
            ScreenBeforeHelp = Screen.Run,
            Session = session,
            FileName = Lesson,
            Status = StatusText.AtStep(session),
        };
        var time = new VirtualTimeProvider();
        _app = Application.Create(time);
        _app.Init("ansi");
        _app.Driver!.SetScreenSize(Width, Width == 120 ? 40 : 48);
        _screen = new GuiRunScreen(state, new KeyHandler(state, Path.GetTempPath())) { Clock = time };
        _token = _app.Begin(_screen);
        _app.LayoutAndDraw(true);
        _screen.Refresh();
        _app.LayoutAndDraw(true);
        KeyToFrame();
        var after = session.Position;
        KeyToFrame();
        if (after != From + 1 || session.Position != From)
        {
            throw new InvalidOperationException($"space and b moved the run from step {From} to {after} and {session.Position}, not {From + 1} and {From}");
        }
    }

    /// <summary>One key (space, then b, then space…) and the frame it leads to.</summary>
    [Benchmark(Description = "key → frame")]
    public int KeyToFrame()
    {
        _app.InjectKey(_forward ? Key.Space : new Key('b'));
        _forward = !_forward;
        _app.LayoutAndDraw();
        return _screen.Frame.Width;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        if (_token is not null)
        {
            _app.End(_token);
        }

        _app.Dispose();
    }
}
