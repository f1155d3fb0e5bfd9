using IpcLab.Tui.Views;

namespace IpcLab.Tui.Tests.Lessons;

/// <summary>The lesson's Markdown as pane lines: headings, wrapped paragraphs with code and bold, fences, lists.</summary>
public sealed class MarkdownLinesTests
{
    private static string[] Plain(string markdown, int width) => MarkdownLines.Render(markdown, width).Select(MarkupRuns.Plain).ToArray();

    [Fact]
    public void Render_HeadingAndParagraph_HeadingBoldParagraphJoinedAndWrapped()
    {
        var lines = MarkdownLines.Render("# Title\n\nOne two\nthree four five six.", 12);

        Assert.Equal(["Title", "", "One two", "three four", "five six."], lines.Select(MarkupRuns.Plain));
        Assert.Contains("bold", MarkupRuns.Parse(lines[0])[0].Style, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_CodeSpanBeforePunctuation_StyledAndGluedWithoutSpace()
    {
        var lines = MarkdownLines.Render("it reads `count`, then **writes**.", 40);

        Assert.Equal("it reads count, then writes.", MarkupRuns.Plain(lines.Single()));
        Assert.Contains(MarkupRuns.Parse(lines[0]), r => r.Text == "count" && r.Style == "cyan");
        Assert.Contains(MarkupRuns.Parse(lines[0]), r => r.Text == "writes" && r.Style == "bold");
    }

    [Fact]
    public void Render_FenceAndList_CodeKeptAsItIsItemsIndentedUnderTheirBullet()
    {
        var lines = Plain("```sh\nipclab check x.ipl   # FOUND\n```\n- one two three four\n- five", 14);

        Assert.Equal(["  ipclab chec…", "• one two", "  three four", "• five"], lines);
    }

    [Fact]
    public void Header_BareProgram_ItsLeadingCommentLines()
    {
        var lines = LessonPaneView.Header("# Two threads add 1.\n# Without a lock.\nshared count = 0\n# not this\n", 40).Select(MarkupRuns.Plain);

        Assert.Equal(["Two threads add 1. Without a lock."], lines);
    }

    [Fact]
    public void Wrap_SingleStars_EmphasisAroundAWordButNotAMultiplication()
    {
        var line = MarkdownLines.Wrap("wakes *one* waiter, 2 * 3", 40).Single();

        Assert.Equal("wakes one waiter, 2 * 3", MarkupRuns.Plain(line));
        Assert.Contains(MarkupRuns.Parse(line), r => r.Text == "one" && r.Style == "italic");
    }
}
