using IpcLab.Tui.Tests.App;
using Terminal.Gui.ViewBase;

namespace IpcLab.Tui.Tests.Gui;

/// <summary>
/// A key redraws what it changed, not the whole screen: the run screen recomputes its view data on
/// every key, and placing a panel where it already is, or hiding and showing one again, made
/// Terminal.Gui lay out and draw every view (menu bar included) and rewrite the whole terminal.
/// </summary>
public sealed class GuiRedrawTests
{
    [Fact]
    public void Refresh_NothingChanged_NothingToLayOutOrDraw()
    {
        using var gui = new GuiHarness(TuiVerb.Open(Repo.Lesson("bounded-buffer.ipl"), null), 120, 40);

        gui.Screen.Refresh();

        Assert.Empty(Pending(gui.Screen));
    }

    [Fact]
    public void Refresh_AfterAStep_OnlyTheChangedLinesToDraw()
    {
        using var gui = new GuiHarness(TuiVerb.Open(Repo.Lesson("bounded-buffer.ipl"), null), 120, 40);
        gui.Type("   ");
        gui.State.Session!.Step();

        gui.Screen.Refresh();

        var pending = Pending(gui.Screen);
        Assert.NotEmpty(pending);
        Assert.All(pending, view => Assert.IsType<Tui.Gui.MarkupLinesView>(view));
        Assert.DoesNotContain(pending, view => view.NeedsLayout);
        Assert.False(gui.Screen.NeedsDraw);
    }

    /// <summary>The views that would be laid out or drawn again, the screen included.</summary>
    private static List<View> Pending(View view)
    {
        var pending = view.NeedsDraw || view.NeedsLayout ? new List<View> { view } : [];
        foreach (var sub in view.SubViews)
        {
            pending.AddRange(Pending(sub));
        }

        return pending;
    }
}
