using FsCheck;
using FsCheck.Fluent;
using IpcLab.Core.Objects;
using IpcLab.Tui.Tests.App;
using IpcLab.Tui.Tests.Views;
using IpcLab.Tui.Views;
using Terminal.Gui.Input;

namespace IpcLab.Tui.Tests.Gui;

/// <summary>The timeline across the run: its marks, the step under a column, and clicks and drags on the Terminal.Gui screen.</summary>
public sealed class GuiTimelineTests
{
    private static TuiState Lesson(string name)
    {
        var state = TuiVerb.Open(Repo.Lesson(name), null);
        state.FileName = $"lessons/{name}";
        return state;
    }

    [Fact]
    public void Marks_BoundedBufferIfUnderRoundRobin_ShowTheBlockAndTheFaultAtTheirSteps()
    {
        var state = Lesson("bounded-buffer-if.ipl");
        var session = state.Session!;
        session.GoTo(33);

        var marks = TimelineMarks.Of(session);

        Assert.Equal(33, marks.Count);
        Assert.Contains(EventClass.Block, marks);
        Assert.Equal(EventClass.Fault, marks[32]);
    }

    [Fact]
    public void Marks_AfterSteppingBack_StillCoverTheStepsAhead()
    {
        var session = Lesson("bounded-buffer-if.ipl").Session!;
        session.GoTo(33);
        var whole = TimelineMarks.Of(session);

        session.GoTo(4);

        Assert.Equal(whole, TimelineMarks.Of(session));
        Assert.Equal(4, session.Position);
    }

    [Fact]
    public void Build_FewStepsWideBar_PutsTheCursorAndEachMarkOnItsStep()
    {
        var marks = new[] { EventClass.Other, EventClass.Block, EventClass.Other, EventClass.Finding };

        var data = TimelineData.Build(marks, 1, 30);
        var plain = MarkupRuns.Plain(data.Line);

        Assert.StartsWith("step 1/4 ", plain, StringComparison.Ordinal);
        Assert.Equal(30, plain.Length);
        Assert.Equal(TimelineData.Current, plain[data.BarStart + 5].ToString());
        Assert.Equal("▾", plain[data.BarStart + 10].ToString());
        Assert.Equal("!", plain[^1].ToString());
        Assert.Equal(3, plain[data.BarStart..].Count(c => c.ToString() != TimelineData.Plain));
    }

    [Fact]
    public void StepAt_TheColumnOfAnyPosition_IsThatPositionWhenEveryStepHasAColumn()
    {
        Prop.ForAll(Gen.Choose(1, 50).ToArbitrary(), Gen.Choose(0, 50).ToArbitrary(), Gen.Choose(70, 200).ToArbitrary(), (steps, at, width) =>
        {
            var position = Math.Min(at, steps);
            var data = TimelineData.Build(new EventClass[steps], position, width);
            var cursor = MarkupRuns.Plain(data.Line).IndexOf(TimelineData.Current, StringComparison.Ordinal);
            return data.StepAt(cursor) == position && data.StepAt(data.BarStart - 1) == -1 && data.StepAt(width) == -1;
        }).Check(FsCheck.Config.QuickThrowOnFailure.WithMaxTest(300).WithQuietOnSuccess(true).WithReplay(20_261_203UL, 0x5DEECE66DUL));
    }

    [Theory]
    [InlineData(100, 30)]
    [InlineData(160, 48)]
    public void Timeline_AfterAFindingAndStepsBack_MatchesGoldenFile(int width, int height)
    {
        using var gui = new GuiHarness(Lesson("bounded-buffer-if.ipl"), width, height);
        gui.Type("g33\r");
        gui.Type("bbbbbbbbbb");

        Assert.Equal(23, gui.State.Session!.Position);
        GoldenFile.Check($"gui-timeline-bounded-buffer-if-{width}x{height}", gui.Text);
    }

    [Fact]
    public void ClickOnTheTimeline_GoesToTheStepUnderTheMouse()
    {
        using var gui = new GuiHarness(Lesson("bounded-buffer-if.ipl"), 100, 30);
        gui.Type("g33\r");
        var (column, row) = gui.Find("step 33/33");

        gui.Click(column + "step 33/33 ".Length, row);

        Assert.Equal(0, gui.State.Session!.Position);
        Assert.Equal(33, gui.State.Session.Timeline.Count);
        Assert.StartsWith("step 0/33", gui.Text.Split('\n')[row], StringComparison.Ordinal);
    }

    [Fact]
    public void DragAlongTheTimeline_FollowsTheMouse()
    {
        using var gui = new GuiHarness(Lesson("bounded-buffer-if.ipl"), 100, 30);
        gui.Type("g33\r");
        var (_, row) = gui.Find("step 33/33");
        var start = "step 33/33 ".Length;
        var bar = 100 - start;

        gui.Mouse(start, row, MouseFlags.LeftButtonPressed);
        Assert.Equal(0, gui.State.Session!.Position);
        gui.Mouse(start + ((bar - 1) / 2), row, MouseFlags.LeftButtonPressed | MouseFlags.PositionReport);
        Assert.InRange(gui.State.Session.Position, 16, 17);
        gui.Mouse(start + bar - 1, row, MouseFlags.LeftButtonPressed | MouseFlags.PositionReport);
        gui.Mouse(start + bar - 1, row, MouseFlags.LeftButtonReleased);

        Assert.Equal(33, gui.State.Session.Position);
    }
}
