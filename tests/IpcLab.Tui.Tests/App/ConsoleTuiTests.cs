using System.Text;
using IpcLab.Core.Model;
using IpcLab.Tui.App;

namespace IpcLab.Tui.Tests.App;

/// <summary>
/// The crash path of the real program: whatever throws inside the loop, the terminal comes back
/// first, and the exception goes on to the command (which reports it with exit code 70).
/// </summary>
public sealed class ConsoleTuiTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Guarded_LoopThrows_RestoresTheTerminalThenThrowsOn()
    {
        using var screen = new MemoryStream();
        using var guard = new TerminalGuard(screen, new LoopSignals());

        var error = Assert.Throws<InvalidOperationException>(() => ConsoleTui.Guarded(guard, () =>
        {
            guard.Enter();
            throw new InvalidOperationException("a bug in a view");
        }));

        Assert.Equal("a bug in a view", error.Message);
        Assert.Equal(TerminalGuard.EnterSequence + TerminalGuard.LeaveSequence, Encoding.UTF8.GetString(screen.ToArray()));
    }

    [Fact]
    public void Guarded_LoopEnds_RestoresTheTerminalOnceAndPassesTheExitCode()
    {
        using var screen = new MemoryStream();
        using var guard = new TerminalGuard(screen, new LoopSignals());

        var exit = ConsoleTui.Guarded(guard, () =>
        {
            guard.Enter();
            return 130;
        });
        guard.Restore();

        Assert.Equal(130, exit);
        Assert.Equal(TerminalGuard.EnterSequence + TerminalGuard.LeaveSequence, Encoding.UTF8.GetString(screen.ToArray()));
    }

    [Fact]
    public void Guarded_CompilerCrashesOnTheProgramEnterOpens_RestoresTheTerminalAndThrowsOn()
    {
        using var screen = new MemoryStream();
        using var guard = new TerminalGuard(screen, new LoopSignals());
        var state = new TuiState { Lessons = [new LessonEntry(Repo.Lesson("lost-update.ipl"), "lost-update", "")] };
        var terminal = new FakeTerminal();

        var error = Assert.Throws<InvalidOperationException>(() => ConsoleTui.Guarded(guard, () =>
        {
            guard.Enter();
            return Loop(state, terminal, guard, _ => throw new InvalidOperationException("the compiler crashed")).Run();
        }));

        Assert.Equal("the compiler crashed", error.Message);
        Assert.Single(terminal.Frames);
        Assert.EndsWith(TerminalGuard.LeaveSequence, Encoding.UTF8.GetString(screen.ToArray()), StringComparison.Ordinal);
    }

    [Fact]
    public void Guarded_ProgramEnterOpensDoesNotCompile_StaysOnTheListAndQuitsWithTheTerminalRestored()
    {
        using var screen = new MemoryStream();
        using var guard = new TerminalGuard(screen, new LoopSignals());
        var bad = _dir.Write("bad.ipl", "mutex m\nthread t:\n    lok m\n");
        var state = new TuiState { Lessons = [new LessonEntry(bad, "bad", "")] };
        var terminal = new FakeTerminal();

        var exit = ConsoleTui.Guarded(guard, () =>
        {
            guard.Enter();
            return Loop(state, terminal, guard, RunFiles.LoadScript, new ConsoleKeyInfo('q', ConsoleKey.Q, false, false, false)).Run();
        });

        Assert.Equal(0, exit);
        Assert.Equal(Screen.Start, state.Screen);
        Assert.StartsWith($"{bad}:3:5: unknown operation 'lok'", state.Status, StringComparison.Ordinal);
        Assert.Equal(TerminalGuard.EnterSequence + TerminalGuard.LeaveSequence, Encoding.UTF8.GetString(screen.ToArray()));
    }

    /// <summary>The real loop on the start screen: Enter opens the first program (loaded by <paramref name="load"/>), then <paramref name="then"/>.</summary>
    private static TuiApp Loop(TuiState state, FakeTerminal terminal, TerminalGuard guard, Func<string, CompiledProgram> load, params ConsoleKeyInfo[] then)
    {
        ConsoleKeyInfo?[] keys = [new ConsoleKeyInfo('\r', ConsoleKey.Enter, false, false, false), .. then.Select(k => (ConsoleKeyInfo?)k)];
        var now = 0L;
        return new TuiApp(
            state,
            new KeyHandler(state, Path.GetTempPath(), load),
            new ScriptedKeySource(keys),
            terminal,
            new LoopSignals(),
            () => now,
            ms => now += ms);
    }
}
