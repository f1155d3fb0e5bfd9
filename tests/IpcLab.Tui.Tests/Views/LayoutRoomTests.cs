namespace IpcLab.Tui.Tests.Views;

/// <summary>
/// At 120x40, the size a terminal usually opens at, the threads panel shows the part of each
/// program that runs: the server loop of socket-select and every send of delivery-patterns at step 0,
/// each line whole (wrapped onto the row below it when it is wider than its column).
/// </summary>
public sealed class LayoutRoomTests
{
    [Theory]
    [InlineData("socket-select.ipl", "recv fd, 4 -> msg")]
    [InlineData("socket-select.ipl", "log += msg")]
    [InlineData("socket-select.ipl", "pieces = pieces + 1")]
    [InlineData("delivery-patterns.ipl", "broadcast desk, \"broadcast {i}\"")]
    [InlineData("delivery-patterns.ipl", "anycast desk, \"anycast {i}\"")]
    [InlineData("delivery-patterns.ipl", "multicast desk, \"end\"")]
    [InlineData("delivery-patterns.ipl", "print \"{self} got {message}\"")]
    public void ThreadsPanel_AtStepZeroIn120x40_ShowsTheLinesThatRun(string lesson, string line)
    {
        // A line too wide for its column of threads wraps onto an indented row: read it whole.
        var text = FrameRenderer.Unwrapped(FrameRenderer.Render(TuiScenarios.LessonAt(lesson, 0), 120, 40));

        Assert.Contains(line, text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("socket-select.ipl")]
    [InlineData("delivery-patterns.ipl")]
    public void Frame_AtStepZeroIn120x40_MatchesGoldenFile(string lesson) =>
        GoldenFile.Check($"{Path.GetFileNameWithoutExtension(lesson)}-step0-120x40", FrameRenderer.Render(TuiScenarios.LessonAt(lesson, 0), 120, 40));
}
