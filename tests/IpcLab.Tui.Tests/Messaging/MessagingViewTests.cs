using IpcLab.Tui.Tests.Views;

namespace IpcLab.Tui.Tests.Messaging;

/// <summary>The objects panel shows message queues by priority and groups with every member's inbox.</summary>
public sealed class MessagingViewTests
{
    [Fact]
    public void MessageQueue_AfterSends_ListsMessagesInPriorityOrderWithCapacity()
    {
        var state = TuiScenarios.FromText("mq.ipl", """
            mqueue jobs capacity 3

            thread dispatcher:
                send jobs, "[low]"
                send jobs, "urgent", 5
                send jobs, "normal", 1
            """);
        TuiScenarios.Run(state.Session!, 0, 3);

        var text = FrameRenderer.Render(state, 160, 48);

        Assert.Contains("mqueue jobs: 3/3", text);
        Assert.Contains("next → \"urgent\" p5, \"normal\" p1, \"[low]\" p0", text);
    }

    [Fact]
    public void Group_AfterMulticastAndLeave_ShowsMembersInboxesAndSettings()
    {
        var state = TuiScenarios.FromText("group.ipl", """
            group desk capacity 2 policy least-loaded full drop

            thread a:
                join desk
                leave desk

            thread b:
                join desk
                pass

            thread s:
                multicast desk, 1
                multicast desk, 2
                multicast desk, 3
            """);
        TuiScenarios.Run(state.Session!, 0, 1);
        TuiScenarios.Run(state.Session!, 1, 1);
        TuiScenarios.Run(state.Session!, 2, 1);
        TuiScenarios.Run(state.Session!, 0, 1);
        TuiScenarios.Run(state.Session!, 2, 2);

        var text = FrameRenderer.Render(state, 160, 48);

        Assert.Contains("group desk: 1 member · inbox 2 · dropped 1", text);
        Assert.Contains("anycast least-loaded · full drop · next turn b", text);
        Assert.Contains("a ✗ [1] (ended: undelivered)", text);
        Assert.Contains("b ✓ [1, 2] full", text);
    }

    [Fact]
    public void Group_ReceiverThatNeverJoined_IsListedWhileOnTheSegmentWithItsBroadcasts()
    {
        var state = TuiScenarios.FromText("group.ipl", """
            group desk capacity 2

            thread member:
                join desk
                pass

            thread auditor:
                pass
                receive desk -> m

            thread s:
                multicast desk, 1
                broadcast desk, 2
                broadcast desk, 3
            """);
        var before = FrameRenderer.Render(state, 160, 48);
        TuiScenarios.Run(state.Session!, 0, 1);
        TuiScenarios.Run(state.Session!, 2, 3);

        var text = FrameRenderer.Render(state, 160, 48);

        Assert.Contains("auditor ✗ [] (broadcasts only)", before);
        Assert.Contains("member ✓ [1, 2] full", text);
        Assert.Contains("auditor ✗ [2] (broadcasts only)", text);
        Assert.Contains("senders waiting: s", text);
    }

    [Fact]
    public void ThreadsPanel_ThreadsBlockedOnAGroupAndAMessageQueue_SayWhatEachWaitsFor()
    {
        var state = TuiScenarios.FromText("waits.ipl", """
            group desk capacity 1
            mqueue jobs capacity 1

            thread b:
                join desk
                receive jobs -> job

            thread s:
                unicast desk, "b", 1
                unicast desk, "b", 2
            """);
        TuiScenarios.Run(state.Session!, 0, 2);
        TuiScenarios.Run(state.Session!, 1, 2);

        var text = FrameRenderer.Render(state, 160, 48);

        Assert.Contains("blocked on mqueue jobs: empty, waits for a message", text);
        Assert.Contains("blocked on group desk: b's inbox is full", text);
    }
}
