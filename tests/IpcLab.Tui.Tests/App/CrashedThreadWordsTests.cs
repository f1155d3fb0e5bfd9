using static IpcLab.Tui.Tests.App.TuiHarness;

namespace IpcLab.Tui.Tests.App;

/// <summary>A crashed thread is called crashed (not faulted) by the threads that wait on it, the run keys and the wait-for chain.</summary>
public sealed class CrashedThreadWordsTests
{
    // producer-1 locks m and is crashed holding it; producer-2 and the consumer then block on m.
    private static TuiHarness CrashedHolder()
    {
        var tui = Open(Repo.Lesson("bounded-buffer.ipl"));
        tui.Type("11c1\r22");
        return tui;
    }

    [Fact]
    public void ThreadsPanelAndRunKey_WaiterOnCrashedHolder_SayCrashed()
    {
        using var tui = CrashedHolder();

        // The threads panel wraps the state: "blocked on mutex m (held by producer-1, which has" / "crashed)".
        Assert.Contains("crashed)", tui.Frame, StringComparison.Ordinal);
        Assert.DoesNotContain("faulted", tui.Frame, StringComparison.Ordinal);

        tui.Type("2");
        Assert.Equal("producer-2 cannot run: producer-2 waits on mutex m held by producer-1 (which has crashed and will never unlock it)", tui.State.Status);
    }

    [Fact]
    public void RunThread_CrashedThread_IsRefusedAsCrashed()
    {
        using var tui = CrashedHolder();
        tui.Type("1");

        Assert.Equal("producer-1 cannot run: producer-1 has crashed (injected)", tui.State.Status);
    }

    [Fact]
    public void WaitForChain_DeadlockOnCrashedHolder_NamesHolderCrashed()
    {
        using var tui = CrashedHolder();
        tui.Type("33 ");

        Assert.Contains("──held by──▶ producer-1 (crashed)", tui.Frame, StringComparison.Ordinal);
        Assert.Contains("producer-2 waits on mutex m held by producer-1 (which has crashed and will never unlock it)", tui.State.Status, StringComparison.Ordinal);
        Assert.DoesNotContain("faulted", tui.Frame, StringComparison.Ordinal);
    }
}
