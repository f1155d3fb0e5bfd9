using IpcLab.Core.Objects;
using IpcLab.Tui.Gui;
using IpcLab.Tui.Tests.App;
using IpcLab.Tui.Tests.Views;
using IpcLab.Tui.Views;
using Terminal.Gui.Drawing;

namespace IpcLab.Tui.Tests.Gui;

/// <summary>The themes (default, projector, colour-blind), where the chosen one is remembered, and the legend of symbols.</summary>
public sealed class GuiThemeTests
{
    private static TuiState Lesson(string name)
    {
        var state = TuiVerb.Open(Repo.Lesson(name), null);
        state.FileName = $"lessons/{name}";
        return state;
    }

    private static readonly Color[] _greys = [new(ColorName16.DarkGray), new(ColorName16.Gray)];

    [Fact]
    public void Projector_BoundedBufferAtStep5_NoDimGreyAnywhereAndMatchesGoldenFile()
    {
        using var gui = new GuiHarness(Lesson("bounded-buffer.ipl"), 100, 30);
        gui.Screen.Theme = ScreenTheme.Projector;
        gui.Type("     ");

        Assert.DoesNotContain(gui.Colors, c => _greys.Contains(c));
        GoldenFile.Check("gui-theme-projector-100x30", gui.StyledText);
    }

    [Fact]
    public void Default_BoundedBufferAtStep5_HintsAreDarkGrey()
    {
        using var gui = new GuiHarness(Lesson("bounded-buffer.ipl"), 100, 30);
        gui.Type("     ");

        Assert.Contains(gui.Colors, c => c == new Color(ColorName16.DarkGray));
    }

    [Fact]
    public void ColorBlind_ReadyAndBlocked_AreBlueAndVermillionNotGreenAndRed()
    {
        Assert.Equal(new Color(0, 114, 178), ScreenThemes.ColorOf(Palette.Ready, ScreenTheme.ColorBlind));
        Assert.Equal(new Color(213, 94, 0), ScreenThemes.ColorOf(Palette.Blocked, ScreenTheme.ColorBlind));
        using var gui = new GuiHarness(Lesson("bounded-buffer.ipl"), 100, 30);
        gui.Screen.Theme = ScreenTheme.ColorBlind;
        gui.Type("     ");

        Assert.DoesNotContain(gui.Colors, c => c == new Color(ColorName16.Green) || c == new Color(ColorName16.Red));
        Assert.Contains(gui.Colors, c => c == new Color(213, 94, 0));
    }

    [Fact]
    public void ViewMenu_ProjectorItem_SwitchesAndRemembersIt()
    {
        using var gui = new GuiHarness(Lesson("bounded-buffer.ipl"), 100, 30);
        var remembered = new List<ScreenTheme>();
        gui.Screen.ThemeChosen = t =>
        {
            remembered.Add(t);
            return null;
        };
        var (column, row) = gui.Find("View");
        gui.PressAndRelease(column, row);
        (column, row) = gui.Find("Theme: projector");

        gui.PressAndRelease(column, row);

        Assert.Equal(ScreenTheme.Projector, gui.Screen.Theme);
        Assert.Equal([ScreenTheme.Projector], remembered);
        Assert.StartsWith("theme: projector (remembered", gui.State.Status, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("projector", ScreenTheme.Projector)]
    [InlineData(" ColorBlind\n", ScreenTheme.ColorBlind)]
    [InlineData("default", ScreenTheme.Default)]
    public void Parse_KnownNames_AnyCaseAndBlanks(string text, ScreenTheme expected) =>
        Assert.Equal(expected, ScreenThemes.Parse(text));

    [Fact]
    public void Parse_UnknownName_IsNull() => Assert.Null(ScreenThemes.Parse("dark"));

    [Fact]
    public void ForUser_XdgConfigHome_IsWhereTheThemeIsKept()
    {
        var file = ThemeFile.ForUser(v => v == "XDG_CONFIG_HOME" ? "/x/conf" : "/home/u");
        Assert.Equal("/x/conf/ipclab/theme", file.Path);

        Assert.Equal("/home/u/.config/ipclab/theme", ThemeFile.ForUser(v => v == "HOME" ? "/home/u" : null).Path);
    }

    [Fact]
    public void SaveThenLoad_Projector_IsRemembered()
    {
        using var dir = new TempFolder();
        var file = new ThemeFile(dir.File("conf/ipclab/theme"));

        Assert.Equal(ScreenTheme.Default, file.Load(out var none));
        Assert.Null(none);
        Assert.Null(file.Save(ScreenTheme.Projector));

        Assert.Equal(ScreenTheme.Projector, file.Load(out var problem));
        Assert.Null(problem);
        Assert.Equal("projector\n", File.ReadAllText(file.Path));
    }

    [Fact]
    public void Load_FileNamingNoTheme_IsTheDefaultAndSaysWhy()
    {
        using var dir = new TempFolder();
        var file = new ThemeFile(dir.Write("theme", "neon"));

        Assert.Equal(ScreenTheme.Default, file.Load(out var problem));
        Assert.Equal($"{file.Path} names no theme (\"neon\"; expected default, projector, colorblind): the default theme is used", problem);
    }

    [Fact]
    public void Save_WhereNoFolderCanBe_SaysWhyAndThrowsNothing()
    {
        using var dir = new TempFolder();
        var blocker = dir.Write("conf", "a file where a folder should be");
        var problem = new ThemeFile(Path.Combine(blocker, "ipclab", "theme")).Save(ScreenTheme.Projector);

        Assert.StartsWith("the theme could not be remembered in ", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Legend_EveryTimelineMarkAndPaletteSymbol_IsExplained()
    {
        var symbols = LegendView.Entries.Where(e => e.Symbol is not null).Select(e => e.Symbol!).ToList();
        foreach (var c in Enum.GetValues<EventClass>().Where(c => c != EventClass.Other))
        {
            Assert.Contains(TimelineData.GlyphOf(c), symbols);
        }

        foreach (var mark in new[] { Palette.NextLine, Palette.FoldMark, Palette.ChangedMark, Palette.Cursor, TimelineData.Current })
        {
            Assert.Contains(mark, symbols);
        }
    }

    [Fact]
    public void Legend_OneColumn_EverySymbolIsSetApartFromItsMeaning()
    {
        var lines = LegendView.Lines(120, 100).Select(MarkupRuns.Plain).ToList();
        var symbols = LegendView.Entries.Where(e => e.Symbol is not null).ToList();

        foreach (var (symbol, _, meaning) in symbols)
        {
            Assert.Contains(lines, l => l.StartsWith($"  {symbol} ", StringComparison.Ordinal) && l.TrimEnd().EndsWith(meaning, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Legend_At100x30_FitsTheHelpPageInTwoColumns()
    {
        var lines = LegendView.Lines(98, 26);

        Assert.InRange(lines.Count, 1, 26);
        Assert.All(lines, l => Assert.InRange(TextFit.Width(MarkupRuns.Plain(l)), 0, 98));
        Assert.Contains(lines, l => MarkupRuns.Plain(l).StartsWith("threads ", StringComparison.Ordinal) && MarkupRuns.Plain(l).Contains("timeline", StringComparison.Ordinal));
    }

    [Fact]
    public void HelpThenTab_OnTheRunScreen_ShowsTheLegendAndEscReturnsToTheRun()
    {
        using var gui = new GuiHarness(Lesson("bounded-buffer.ipl"), 100, 30);
        gui.Type("?");
        Assert.Contains("Tab: what the symbols mean", gui.Text, StringComparison.Ordinal);
        Assert.Contains("find the bug: the checker's shortest failing run", gui.Text, StringComparison.Ordinal);
        Assert.Contains("q                 quit (asks if the run is not saved)", gui.Text, StringComparison.Ordinal);

        gui.Press(Terminal.Gui.Input.Key.Tab);
        GoldenFile.Check("gui-legend-100x30", gui.Text);
        Assert.Contains("a deadlock or a failed check", gui.Text, StringComparison.Ordinal);
        Assert.Contains("IpcLab · symbols", gui.Text, StringComparison.Ordinal);

        gui.Press(Terminal.Gui.Input.Key.Esc);
        Assert.Equal(Screen.Run, gui.State.Screen);
    }

    [Fact]
    public void HelpMenu_Symbols_OpensTheLegend()
    {
        using var gui = new GuiHarness(Lesson("bounded-buffer.ipl"), 100, 30);
        var (column, row) = gui.Find("Help");
        gui.PressAndRelease(column, row);
        (column, row) = gui.Find("Symbols and colours");

        gui.PressAndRelease(column, row);

        Assert.Equal(Screen.Help, gui.State.Screen);
        Assert.Contains("the line the thread runs next", gui.Text, StringComparison.Ordinal);
    }
}
