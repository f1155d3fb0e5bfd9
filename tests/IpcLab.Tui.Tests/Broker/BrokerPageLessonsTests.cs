using FsCheck;
using FsCheck.Fluent;
using IpcLab.Core.Sessions;
using IpcLab.Tui.Tests.App;
using IpcLab.Tui.Views;
using IpcLab.Tui.Views.Broker;

namespace IpcLab.Tui.Tests.Broker;

/// <summary>The broker page over every broker lesson, at every step of random schedules: it fits its width, and lists every copy in flight once, each leading to its path.</summary>
public sealed class BrokerPageLessonsTests
{
    private static readonly Config Checked = Config.QuickThrowOnFailure.WithMaxTest(6).WithQuietOnSuccess(true).WithReplay(20_261_203UL, 0x5DEECE66DUL);

    public static TheoryData<string> BrokerLessons()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(Repo.Root, "lessons"), "*broker*.ipl").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(BrokerLessons))]
    public void Build_EveryStepOfRandomSchedules_FitsAndShowsEachCopyInFlightOnce(string lesson)
    {
        Prop.ForAll(Gen.Choose(1, 1_000_000).ToArbitrary(), seed =>
        {
            var session = TuiVerb.Open(Repo.Lesson(lesson), null).Session!;
            if (session.Program.CountOf(Core.Model.ObjectKind.Broker) == 0)
            {
                return;
            }

            session.UseScheduler(SchedulerKind.Random, (ulong)seed);
            var pane = new BrokerPaneState();
            for (var step = 0; step < 400 && !session.IsOver && session.Step() is null; step++)
            {
                pane.Cycle(session.Kernel, new MessageLabels(session.Kernel), 1);
                var labels = new MessageLabels(session.Kernel);
                foreach (var width in new[] { 96, 156 })
                {
                    var page = BrokerPage.Build(session.Kernel, pane, width, 1000);
                    var plain = page.Lines.Select(MarkupRuns.Plain).ToArray();
                    Assert.All(plain, l => Assert.True(TextFit.Width(l) <= width, $"wider than {width}: {l}"));
                    Assert.Equal(page.Lines.Count, page.Targets.Count);

                    // One line a copy in flight, in the list the message targets point at.
                    var copies = page.Targets.Count(t => t.Message > 0);
                    Assert.Equal(labels.InFlight.Count, copies);
                    Assert.All(page.Targets.Where(t => t.Message > 0), t => Assert.InRange(t.Message, 1, labels.Published.Count));

                    // Every copy is numbered as the message it was made from: its body.
                    Assert.All(labels.InFlight, c => Assert.Equal(labels[c.Label].Body, c.Message.Body));
                }
            }
        }).Check(Checked);
    }
}
