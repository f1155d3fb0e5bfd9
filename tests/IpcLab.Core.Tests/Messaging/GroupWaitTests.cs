using IpcLab.Core.Runtime;
using IpcLab.Core.Scheduling;
using IpcLab.Core.Tests.KernelTests;

namespace IpcLab.Core.Tests.Messaging;

/// <summary>What a thread blocked on a group waits for, and who wakes it.</summary>
public sealed class GroupWaitTests
{
    /// <summary>
    /// With <c>full block</c>, a waits with a full inbox of 1 while s's second anycast blocks (every
    /// member's inbox is full); then b joins with an empty inbox. a alone cannot make room: it waits
    /// for b's signal, and b for a message.
    /// </summary>
    private const string NewMemberWithRoom =
        "group g capacity 1\nsemaphore go\n"
        + "thread a:\n    join g\n    P go\n    receive g -> x\n"
        + "thread b:\n    join g\n    receive g -> y\n    V go\n"
        + "thread s:\n    anycast g, 1\n    anycast g, 2\n";

    [Fact]
    public void Join_AnycastBlockedOnEveryMembersFullInbox_NewMemberWithRoomWakesTheSender()
    {
        var kernel = KernelTestKit.NewKernel(NewMemberWithRoom);
        var s = KernelTestKit.ThreadId(kernel, "s");

        KernelTestKit.StepAll(kernel, "a", "s", "s", "a");
        Assert.Equal(ThreadStatus.Blocked, kernel.StatusOf(s));
        KernelTestKit.StepAll(kernel, "b");

        Assert.Equal(ThreadStatus.Ready, kernel.StatusOf(s));
        Assert.Equal(
            ["b joins g", "s wakes up: an inbox in g has room now; it tries its send again"],
            KernelTestKit.EventsOfStep(kernel, kernel.StepCount).Select(e => KernelTestKit.Describe(kernel, e)));
        Assert.Empty(Runner.Run(kernel, new RoundRobinScheduler()).Findings);
    }

    /// <summary>
    /// A broadcast waits on two full inboxes: x's (x is not a member, and crashes first: its inbox
    /// still counts while y's is full) and y's (a member). When y's process crashes, y leaves the
    /// group at once and that wakes the sender; x, which ended earlier, wakes nobody.
    /// </summary>
    [Fact]
    public void ProcessCrash_MemberWithAFullInboxBlockingABroadcast_LeavesAndWakesTheSenderInThatOrder()
    {
        var kernel = KernelTestKit.NewKernel(
            "group g capacity 1\nthread x:\n    pass\n    receive g -> a\nprocess p:\n    thread y:\n        join g\n        pass\n"
            + "thread s:\n    broadcast g, 1\n    broadcast g, 2\n");
        KernelTestKit.StepAll(kernel, "y", "s", "s");
        kernel.InjectCrash(KernelTestKit.ThreadId(kernel, "x"));
        Assert.Equal(ThreadStatus.Blocked, kernel.StatusOf(KernelTestKit.ThreadId(kernel, "s")));

        kernel.InjectProcessCrash(kernel.Program.Threads[KernelTestKit.ThreadId(kernel, "y")].Process);

        Assert.Equal(
            [
                "process p crashes: 1 thread stopped",
                "y has ended and is no longer in g (1 message stays in its inbox; nobody will receive them)",
                "s wakes up: an inbox in g has room now; it tries its send again",
            ],
            KernelTestKit.EventsOfStep(kernel, kernel.StepCount).Select(e => KernelTestKit.Describe(kernel, e)));
    }

    [Theory]
    [InlineData("group g capacity 1\nthread m:\n    join g\n    receive g -> x\n", "m m", "m",
        "blocked on group g: its inbox is empty, waits for a message")]
    [InlineData("group g capacity 1\nthread m:\n    join g\n    timedreceive g, 5 -> x, ok\nthread o:\n    pass\n", "m m", "m",
        "blocked on group g: its inbox is empty, waits for a message (gives up at step 7)")]
    [InlineData("group g capacity 1\nthread a:\n    receive g -> x\nthread s:\n    broadcast g, 1\n", "a", "a",
        "blocked on group g: its inbox is empty, waits for a broadcast")]
    [InlineData("group g capacity 1\nthread b:\n    join g\n    pass\nthread s:\n    unicast g, \"b\", 1\n    unicast g, \"b\", 2\n", "b s s", "s",
        "blocked on group g: b's inbox is full")]
    [InlineData("group g capacity 1\nthread b:\n    join g\n    pass\nthread s:\n    anycast g, 1\n    anycast g, 2\n", "b s s", "s",
        "blocked on group g: every member's inbox is full")]
    [InlineData("group g capacity 1\nthread a:\n    join g\n    pass\nthread b:\n    join g\n    pass\nthread s:\n    multicast g, 1\n    multicast g, 2\n", "a b s s", "s",
        "blocked on group g: the inboxes of a, b are full")]
    [InlineData("group g capacity 1\nthread a:\n    tryreceive g -> x, ok\nthread s:\n    broadcast g, 1\n    broadcast g, 2\n", "s s", "s",
        "blocked on group g: a's inbox is full")]
    public void WaitStateOf_ThreadBlockedOnAGroup_SaysWhatIsMissing(string script, string steps, string thread, string expected)
    {
        var kernel = KernelTestKit.NewKernel(script);
        KernelTestKit.StepAll(kernel, steps.Split(' '));

        Assert.Equal(expected, kernel.WaitStateOf(KernelTestKit.ThreadId(kernel, thread)));
    }
}
