using IpcLab.Core.Sessions;
using IpcLab.Tui.Tests.App;
using IpcLab.Tui.Views;
using IpcLab.Tui.Views.Broker;

namespace IpcLab.Tui.Tests.Broker;

/// <summary>A path's hop sentences on a narrow page: wrapped under themselves, never cut, each line leading to its hop.</summary>
public sealed class BrokerPathWrapTests
{
    [Fact]
    public void Path_HopSentenceWiderThanThePage_IsWrappedWholeAndEveryLineLeadsToItsHop()
    {
        var session = TuiVerb.Open(Repo.Lesson("broker-topic-logs.ipl"), null).Session!;
        session.UseScheduler(SchedulerKind.RoundRobin);
        for (var i = 0; i < 6; i++)
        {
            session.Step();
        }

        var pane = new BrokerPaneState();
        pane.Choose(session.Kernel, new MessageLabels(session.Kernel), 1);
        var hops = pane.Hops(session.Kernel, new MessageLabels(session.Kernel));
        var page = BrokerPage.Build(session.Kernel, pane, 60, 400);
        var plain = page.Lines.Select(MarkupRuns.Plain).ToArray();

        var routed = hops.Select((h, i) => (h, i)).First(x => x.h.Text.Contains(" routes ", StringComparison.Ordinal));
        Assert.True(routed.h.Text.Length > 60 - 12, "the sentence must be wider than the page for this test");
        var rows = Enumerable.Range(0, plain.Length).Where(r => page.Targets[r].Hop == routed.i).ToArray();
        Assert.True(rows.Length > 1);
        Assert.Equal(routed.h.Text, string.Join(" ", rows.Select(r => plain[r][12..].Trim())));
        Assert.DoesNotContain(rows, r => plain[r].Contains('…', StringComparison.Ordinal));
    }
}
