using IpcLab.Tui.Views;

namespace IpcLab.Tui.Tests.Views;

/// <summary>A listing line wider than its column wraps at blanks onto indented rows that, read together, are the whole line.</summary>
public sealed class CodeWrapTests
{
    private const string Line = "  ▶ 49     broadcast desk, \"broadcast {i}\", \"and a long tail of words\"";

    [Theory]
    [InlineData(39)]
    [InlineData(45)]
    [InlineData(60)]
    public void Markup_LineWiderThanTheColumn_RowsFitAndReadAsTheWholeLine(int width)
    {
        var rows = CodeWrap.Markup(Line, 7, width, _ => null).Select(MarkupRuns.Plain).ToList();

        Assert.All(rows, r => Assert.True(TextFit.Width(r) <= width, $"'{r}' is wider than {width}"));
        Assert.All(rows.Skip(1), r => Assert.StartsWith(new string(' ', 15), r, StringComparison.Ordinal));
        Assert.Equal(Line, string.Join(" ", rows.Select((r, i) => i == 0 ? r : r.Trim())));
    }

    [Fact]
    public void Markup_LineLongerThanThreeRows_EndsItsLastRowWithAnEllipsis()
    {
        var rows = CodeWrap.Markup(Line, 7, 24, _ => null).Select(MarkupRuns.Plain).ToList();

        Assert.Equal(CodeWrap.MaxRows, rows.Count);
        Assert.EndsWith("…", rows[^1], StringComparison.Ordinal);
        Assert.All(rows, r => Assert.True(TextFit.Width(r) <= 24, $"'{r}' is wider than 24"));
    }

    [Fact]
    public void Markup_StringBrokenAcrossRows_KeepsItsStyleOnTheContinuation()
    {
        var rows = CodeWrap.Markup(Line, 7, 39, i => Line[i] == '{' ? "cyan" : null);

        Assert.Contains("[cyan]{[/]i}", rows[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Height_LineThatFits_IsOneRow() =>
        Assert.Equal(1, CodeWrap.Height(Line, 7, Line.Length));
}
