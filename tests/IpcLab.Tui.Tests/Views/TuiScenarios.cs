using IpcLab.Core.Runtime;
using IpcLab.Core.Script;
using IpcLab.Core.Sessions;

namespace IpcLab.Tui.Tests.Views;

/// <summary>The TUI states the view tests draw, each reached deterministically from a lesson.</summary>
public static class TuiScenarios
{
    public static string RepoRoot { get; } = FindRoot();

    /// <summary>
    /// The start screen over the foundation's lessons (a fixed set, so that a new lesson does not
    /// change this frame), the second one highlighted.
    /// </summary>
    public static TuiState Start()
    {
        string[] names = ["bounded-buffer", "bounded-buffer-if", "cargill-deadlock", "lost-update"];
        var lessons = LessonEntry.ListIn(Path.Combine(RepoRoot, "lessons"), f => $"lessons/{Path.GetFileName(f)}")
            .Where(l => names.Contains(l.Name))
            .ToArray();
        Assert.Equal(names.Length, lessons.Length);
        return new TuiState { Screen = Screen.Start, Lessons = lessons, LessonIndex = 1 };
    }

    /// <summary>
    /// The bounded buffer mid-run, by chosen threads: the consumer waited on notEmpty; producer-1
    /// filled both slots; producer-2 then blocked on m; last, the consumer woke and blocked on m
    /// too. producer-1 holds m and is about to signal notEmpty.
    /// </summary>
    public static TuiState BoundedBufferBlocked()
    {
        var session = Open("bounded-buffer.ipl", out var state);
        session.UseScheduler(SchedulerKind.Manual);
        var p1 = session.Program.ThreadIdOf("producer-1");
        var p2 = session.Program.ThreadIdOf("producer-2");
        var consumer = session.Program.ThreadIdOf("consumer");
        Run(session, consumer, 4); // repeat, lock m, while empty: true, wait notEmpty
        Run(session, p1, 10); // for, lock, while full: false, put, signal, unlock, for, lock, while, put
        Run(session, p2, 2); // for, lock m: blocks
        Run(session, consumer, 1); // re-acquire m: blocks
        state.SelectedThread = consumer;
        state.Status = "consumer: blocks on m, held by producer-1";
        return state;
    }

    /// <summary>
    /// Cargill's buffer under the random scheduler with seed 15: after step 44 everybody waits on
    /// `changed`, and the next step attempt concludes the run with the deadlock finding.
    /// </summary>
    public static TuiState CargillDeadlock()
    {
        var session = Open("cargill-deadlock.ipl", out var state);
        session.UseScheduler(SchedulerKind.Random, 15);
        Assert.Equal(44, session.GoTo(44));
        Assert.Equal("the run is over: no thread can take a step", session.Step());
        Assert.Contains(session.Kernel.Findings, f => f.Kind == FindingKind.Deadlock);
        state.Status = "the run is over: no thread can take a step";
        return state;
    }

    /// <summary>A lesson run round-robin to a given step (the objects between processes: segments, sockets, groups).</summary>
    public static TuiState LessonAt(string lesson, int step)
    {
        var session = Open(lesson, out var state);
        session.UseScheduler(SchedulerKind.RoundRobin);
        Assert.Equal(step, session.GoTo(step));
        state.Status = $"step {step}";
        return state;
    }

    public static TuiState Help()
    {
        var state = BoundedBufferBlocked();
        state.ScreenBeforeHelp = Screen.Run;
        state.Screen = Screen.Help;
        state.Status = "";
        return state;
    }

    /// <summary>Two waiters join c's queue (waiter-1 first), then the signaller signals c once: the wake choice.</summary>
    public const string TwoWaiters = """
        mutex m
        cond c

        thread waiter * 2:
            lock m
            wait c, m
            unlock m

        thread signaller:
            lock m
            signal c
            unlock m
        """;

    /// <summary>A session over a script given as text, at step 0.</summary>
    public static TuiState FromText(string file, string text)
    {
        var session = new Session(Compiler.CompileText(file, text));
        session.UseScheduler(SchedulerKind.Manual);
        return new TuiState { Screen = Screen.Run, Session = session, FileName = file };
    }

    public static void Run(Session session, int thread, int steps)
    {
        for (var i = 0; i < steps; i++)
        {
            Assert.Null(session.StepThread(thread));
        }
    }

    private static Session Open(string lesson, out TuiState state)
    {
        var path = Path.Combine(RepoRoot, "lessons", lesson);
        var session = new Session(Compiler.CompileText(lesson, File.ReadAllText(path)));
        state = new TuiState { Screen = Screen.Run, Session = session, FileName = lesson };
        return session;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "IpcLab.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("cannot find the repository root (IpcLab.sln) above " + AppContext.BaseDirectory);
    }
}
