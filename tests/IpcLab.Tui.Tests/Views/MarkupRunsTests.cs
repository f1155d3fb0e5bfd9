using IpcLab.Tui.Views;

namespace IpcLab.Tui.Tests.Views;

/// <summary>The views' markup read back into styled runs (what the Terminal.Gui screen draws).</summary>
public sealed class MarkupRunsTests
{
    [Fact]
    public void Parse_NestedStylesAndEscapedBrackets_GivesRunsWithTheirStyles()
    {
        var runs = MarkupRuns.Parse("a [bold][red]b[/] c[[1]][/]d");

        Assert.Equal([new StyledRun("a ", ""), new StyledRun("b", "bold red"), new StyledRun(" c[1]", "bold"), new StyledRun("d", "")], runs);
    }

    [Fact]
    public void Parse_WhatAViewWrote_ReadsBackItsText()
    {
        var line = new MarkupLine(40).Add("mutex ", Palette.Title).Add("m [held]", Palette.Blocked).Add(" · queue: ").ToString();

        Assert.Equal("mutex m [held] · queue: ", MarkupRuns.Plain(line));
    }

    [Theory]
    [InlineData("[bold]unclosed")]
    [InlineData("[/]")]
    [InlineData("a ] b")]
    [InlineData("[bold")]
    public void Parse_BrokenMarkup_Throws(string markup) =>
        Assert.Throws<FormatException>(() => MarkupRuns.Parse(markup));
}
