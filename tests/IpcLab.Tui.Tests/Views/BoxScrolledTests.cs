using FsCheck;
using FsCheck.Fluent;
using IpcLab.Tui.Views;

namespace IpcLab.Tui.Tests.Views;

/// <summary>Box.Scrolled, the window the wheel moves over the objects panel.</summary>
public sealed class BoxScrolledTests
{
    private static readonly Config Checked = Config.QuickThrowOnFailure.WithMaxTest(300).WithQuietOnSuccess(true).WithReplay(20_261_203UL, 0x5DEECE66DUL);

    [Fact]
    public void Scrolled_AnySkip_FitsTheHeightAndEveryLineIsShownOrCounted()
    {
        Prop.ForAll(Gen.Choose(0, 40).ToArbitrary(), Gen.Choose(-5, 60).ToArbitrary(), Gen.Choose(1, 20).ToArbitrary(), (count, skip, height) =>
        {
            var lines = Enumerable.Range(1, count).Select(i => $"line {i:00}").ToList();
            var shown = Box.Scrolled([.. lines], skip, height);

            Assert.True(shown.Count <= height);
            var real = shown.Where(l => l.StartsWith("line ", StringComparison.Ordinal)).ToList();
            var above = Counted(shown, "lines above");
            var below = Counted(shown, "more lines");
            Assert.Equal(count, above + real.Count + below);
            Assert.Equal(lines.Skip(above).Take(real.Count), real);
        }).Check(Checked);
    }

    [Fact]
    public void Scrolled_PastTheEnd_StopsWithTheLastLineOnTheLastRow()
    {
        var lines = Enumerable.Range(1, 10).Select(i => $"line {i:00}").ToList();

        var shown = Box.Scrolled(lines, 99, 4);

        Assert.Equal(["line 08", "line 09", "line 10"], shown.Skip(1));
        Assert.Equal(7, Counted(shown, "lines above"));
    }

    /// <summary>The number a marker line ("… 3 lines above", "… 4 more lines") gives, or 0 without one.</summary>
    private static int Counted(IReadOnlyList<string> shown, string words)
    {
        var marker = shown.Select(MarkupRuns.Plain).FirstOrDefault(l => l.Contains(words, StringComparison.Ordinal));
        return marker is null ? 0 : int.Parse(marker.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
    }
}
