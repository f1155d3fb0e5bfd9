using IpcLab.Core.Lessons;
using IpcLab.Tui.Views;

namespace IpcLab.Tui.Tests.Lessons;

/// <summary>The path on the start screen: the lessons in order with ✓ done, ▶ next and · locked, then the programs.</summary>
public sealed class LessonPathViewTests
{
    [Fact]
    public void Entries_WithProgress_ListTheLessonsInOrderThenThePrograms()
    {
        var kit = new LessonKit();
        var state = kit.StartScreen();

        Assert.Equal(LessonKit.Path.Count + 1, state.Lessons.Count);
        Assert.Equal(["lost-update", "if-vs-while", "signal-vs-broadcast"], state.Lessons.Take(3).Select(e => e.Lesson!.Id));
        Assert.Null(state.Lessons[^1].Lesson);
        Assert.Equal(0, state.LessonIndex);
    }

    [Fact]
    public void NameAndDescription_FirstLessonDone_MarkDoneNextAndLocked()
    {
        var progress = new Progress();
        foreach (var c in LessonKit.Get("lost-update").Challenges)
        {
            progress.Solved("lost-update", c.Number);
        }

        var state = new LessonKit(progress).StartScreen();

        Assert.Equal("✓ 01 lost-update", LessonPathView.Name(state, state.Lessons[0]));
        Assert.Equal("▶ 02 if-vs-while", LessonPathView.Name(state, state.Lessons[1]));
        Assert.Equal("· 03 signal-vs-broadcast", LessonPathView.Name(state, state.Lessons[2]));
        Assert.EndsWith(" · done", LessonPathView.Description(state, state.Lessons[0]), StringComparison.Ordinal);
        Assert.EndsWith(" · next", LessonPathView.Description(state, state.Lessons[1]), StringComparison.Ordinal);
        Assert.EndsWith("locked: first if-vs-while", LessonPathView.Description(state, state.Lessons[2]), StringComparison.Ordinal);
        Assert.Equal(1, state.LessonIndex);
        Assert.Equal("bounded-buffer", LessonPathView.Name(state, state.Lessons[^1]));
    }

    [Fact]
    public void PageLines_HighlightBelowTheWindow_ScrollsItIntoView()
    {
        var state = new LessonKit().StartScreen();
        state.LessonIndex = state.Lessons.Count - 1;

        var lines = LessonPathView.PageLines(state, 100, 6).Select(MarkupRuns.Plain).ToArray();

        Assert.Equal(6, lines.Length);
        Assert.Contains(lines, l => l.StartsWith("› bounded-buffer", StringComparison.Ordinal));
        Assert.Contains("Programs", lines);
    }

    [Fact]
    public void PageLines_AllFit_HeadTheLessonsAndThePrograms()
    {
        var state = new LessonKit().StartScreen();

        var lines = LessonPathView.PageLines(state, 120, 40).Select(MarkupRuns.Plain).ToArray();

        Assert.StartsWith("The path of lessons (✓ done", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("› ▶ 01 lost-update", lines[1], StringComparison.Ordinal);
        Assert.Contains("The lost update · 15 min · next", lines[1], StringComparison.Ordinal);
        Assert.Equal("Programs", lines[LessonKit.Path.Count + 1]);
    }

    [Fact]
    public void StartPage_ListsThePathWithItsMarks()
    {
        var frame = Views.FrameRenderer.Render(new LessonKit().StartScreen(), 120, 40);

        Assert.Contains("The path of lessons (✓ done", frame, StringComparison.Ordinal);
        Assert.Contains("› ▶ 01 lost-update", frame, StringComparison.Ordinal);
        Assert.Contains("· 02 if-vs-while", frame, StringComparison.Ordinal);
    }
}
