using IpcLab.Core.Objects.Exchange;
using IpcLab.Core.Script;
using IpcLab.Core.Sessions;
using IpcLab.Tui.Tests.App;
using IpcLab.Tui.Tests.Gui;
using IpcLab.Tui.Tests.Views;
using IpcLab.Tui.Views;
using IpcLab.Tui.Views.Broker;

namespace IpcLab.Tui.Tests.Broker;

/// <summary>A headers binding matched argument by argument in the routing table, as the broker will route (and routed) the message.</summary>
public sealed class HeaderArgumentsTests
{
    private static Binding Bind(string arguments, HeadersMatch match) => new("docs", 0, arguments, match, new SourcePos(1, 1));

    [Theory]
    [InlineData("format=pdf,type=report", HeadersMatch.All, "format=pdf,type=invoice", "format=pdf ✓ type=report ✗ invoice · x-match all: 1 of 2")]
    [InlineData("priority=high,type=invoice", HeadersMatch.Any, "format=pdf,type=invoice", "priority=high ✗ absent type=invoice ✓ · x-match any: 1 of 2")]
    [InlineData("format=pdf,type=report", HeadersMatch.All, "type=report,format=pdf,priority=high", "format=pdf ✓ type=report ✓ · x-match all: 2 of 2")]
    [InlineData("", HeadersMatch.All, "format=png", "· x-match all: 0 of 0")]
    public void Explain_Headers_SaysForEachArgumentWhetherTheMessageHasIt(string arguments, HeadersMatch match, string headers, string expected) =>
        Assert.Equal(expected, HeaderArguments.Explain(Bind(arguments, match), headers));

    private static TuiState Lesson()
    {
        var state = TuiVerb.Open(Repo.Lesson("broker-headers.ipl"), null);
        state.FileName = "lessons/broker-headers.ipl";
        state.Session!.UseScheduler(SchedulerKind.RoundRobin);
        return state;
    }

    [Fact]
    public void RoutingTable_HeadersPublishedThenRouted_MatchesArgumentByArgumentBothTimes()
    {
        var session = Lesson().Session!;
        session.StepThread(session.Program.ThreadIdOf("desk"));
        var published = RoutingTable.Lines(session.Kernel, new StepChanges(session.Kernel), 160).Select(MarkupRuns.Plain).ToArray();
        session.StepThread(session.Program.ThreadIdOf("rabbit"));
        var routed = RoutingTable.Lines(session.Kernel, new StepChanges(session.Kernel), 160).Select(MarkupRuns.Plain).ToArray();

        Assert.Contains(published, l => l.Contains("published \"format=pdf,type=invoice\"", StringComparison.Ordinal));
        Assert.Contains(published, l => l.StartsWith("│ ✗ format=pdf,type=report all", StringComparison.Ordinal) && l.EndsWith("format=pdf ✓ type=report ✗ invoice · x-match all: 1 of 2", StringComparison.Ordinal));
        Assert.Contains(published, l => l.StartsWith("│ ✓ priority=high,type=invoice any", StringComparison.Ordinal) && l.EndsWith("priority=high ✗ absent type=invoice ✓ · x-match any: 1 of 2", StringComparison.Ordinal));
        Assert.Contains(routed, l => l.Contains("routed \"format=pdf,type=invoice\"", StringComparison.Ordinal));
        Assert.Equal(published.Skip(1), routed.Skip(1));
    }

    [Theory]
    [InlineData(120, 40)]
    [InlineData(160, 48)]
    public void Page_HeadersRouted_GoldenFrame(int width, int height)
    {
        using var gui = new GuiHarness(Lesson(), width, height);
        gui.Type("x" + new string(' ', 6));

        GoldenFile.Check($"gui-broker-headers-{width}x{height}", gui.Text);
    }
}
