using Terminal.Gui.Text;

namespace IpcLab.Tui.Tests.Views;

/// <summary>Every frame is exactly the terminal's height and never wider than it, whatever it shows.</summary>
public sealed class FrameShapeTests
{
    public static TheoryData<string, int, int> Frames => FrameGoldenTests.Frames;

    [Theory]
    [MemberData(nameof(Frames))]
    public void Frame_HasExactlyHeightLines_NoneWiderThanWidth(string scenario, int width, int height)
    {
        var lines = FrameRenderer.Render(FrameGoldenTests.Scenario(scenario), width, height).Split('\n');

        Assert.Equal(height, lines.Length);
        Assert.All(lines, line => Assert.True(line.GetColumns() <= width, $"{line.GetColumns()} cells > {width}: {line}"));
    }

    [Theory]
    [InlineData(100, 30)]
    [InlineData(120, 40)]
    [InlineData(160, 48)]
    [InlineData(240, 70)]
    public void RunFrame_EveryStepOfARun_KeepsItsShape(int width, int height)
    {
        var state = TuiScenarios.CargillDeadlock();
        var session = state.Session!;
        session.GoTo(0);
        do
        {
            var lines = FrameRenderer.Render(state, width, height).Split('\n');
            Assert.Equal(height, lines.Length);
            Assert.All(lines, line => Assert.True(line.GetColumns() <= width, $"step {session.Position}: {line}"));
        }
        while (session.Step() is null);
    }

    [Fact]
    public void TooSmall_SaysTheSizeAndTheMinimum()
    {
        var text = FrameRenderer.Render(TuiScenarios.BoundedBufferBlocked(), 80, 24);

        Assert.Contains("terminal is 80x24; IpcLab needs at least 100x30 — make the window larger", text);
        Assert.DoesNotContain("Threads", text);
    }
}
