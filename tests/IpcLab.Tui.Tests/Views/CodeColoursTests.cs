using IpcLab.Tui.Tests.App;
using IpcLab.Tui.Tests.Gui;
using IpcLab.Tui.Views;

namespace IpcLab.Tui.Tests.Views;

/// <summary>The syntax colouring of a thread's listing: keywords, strings, numbers and comments, the next line in the marker's colour.</summary>
public sealed class CodeColoursTests
{
    [Fact]
    public void Tokens_LineWithEveryKind_SplitsItIntoPiecesThatMakeTheLine()
    {
        const string line = "while count < 10.5: print \"n = {count}\" # \"not a string\"";

        var tokens = CodeColours.Tokens(line);

        Assert.Equal(line, string.Concat(tokens.Select(t => t.Text)));
        Assert.Equal(
            [("while", CodeTokenKind.Keyword), (" count < ", CodeTokenKind.Plain), ("10.5", CodeTokenKind.Number), (": ", CodeTokenKind.Plain),
             ("print", CodeTokenKind.Keyword), (" ", CodeTokenKind.Plain), ("\"n = {count}\"", CodeTokenKind.String), (" ", CodeTokenKind.Plain),
             ("# \"not a string\"", CodeTokenKind.Comment)],
            tokens);
    }

    [Theory]
    [InlineData("for i in 1..3:", "1|3")]
    [InlineData("send q2, \"a\\\"b\"", "")]
    [InlineData("x = worker2 + 7", "7")]
    public void Tokens_Numbers_AreOnlyLiteralsNotPartsOfNamesOrRanges(string line, string numbers)
    {
        var found = CodeColours.Tokens(line).Where(t => t.Kind == CodeTokenKind.Number).Select(t => t.Text);

        Assert.Equal(numbers, string.Join("|", found));
    }

    [Fact]
    public void Tokens_StringCutByThePanelsEdge_IsAStringToTheEnd()
    {
        Assert.Equal([("send s, ", CodeTokenKind.Plain), ("\"hello wor…", CodeTokenKind.String)], CodeColours.Tokens("send s, \"hello wor…"));
    }

    [Fact]
    public void Tokens_NamesThatStartWithAKeyword_ArePlain()
    {
        Assert.All(CodeColours.Tokens("iffy = whilelater"), t => Assert.Equal(CodeTokenKind.Plain, t.Kind));
    }

    [Fact]
    public void RunScreen_BoundedBuffer_ColoursKeywordsButNotTheMarkedLine()
    {
        var state = TuiVerb.Open(Repo.Lesson("bounded-buffer.ipl"), null);
        using var gui = new GuiHarness(state, 120, 40);
        var styled = gui.StyledText.Split('\n');
        var legend = styled.Where(l => l.Length > 1 && l[1] == ' ' && l[2] == '=').ToDictionary(l => l[0], l => l[4..]);

        var (column, row) = gui.Find("while full(buffer)");
        var marked = gui.Find("▶");

        Assert.StartsWith("Blue", StyleAt(styled, legend, column, row), StringComparison.Ordinal);
        Assert.Contains("Bold", StyleAt(styled, legend, column, row), StringComparison.Ordinal);
        Assert.StartsWith("Yellow", StyleAt(styled, legend, marked.Column + 4, marked.Row), StringComparison.Ordinal);
    }

    /// <summary>The style of a cell, from the harness's styled text (a row, then its runs of styles).</summary>
    private static string StyleAt(string[] styled, Dictionary<char, string> legend, int column, int row)
    {
        var runs = styled[(2 * row) + 1].Split(':')[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var at = 0;
        foreach (var run in runs)
        {
            at += int.Parse(run[1..], System.Globalization.CultureInfo.InvariantCulture);
            if (column < at)
            {
                return legend[run[0]];
            }
        }

        throw new InvalidOperationException($"column {column} is past the row");
    }
}
