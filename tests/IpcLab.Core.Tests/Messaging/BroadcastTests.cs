using IpcLab.Core.Model;
using IpcLab.Core.Runtime;
using IpcLab.Core.Scheduling;
using IpcLab.Core.Tests.KernelTests;

namespace IpcLab.Core.Tests.Messaging;

/// <summary>
/// A broadcast reaches every receiver on the group's segment, joined or not; a multicast only the
/// members. A thread is on the segment while it is alive and its program receives from or joins the group.
/// </summary>
public sealed class BroadcastTests
{
    [Fact]
    public void Compile_ReceiveTryreceiveTimedreceiveOrJoin_AttachTheThreadToThatGroupsSegment()
    {
        var program = KernelTestKit.Compile(
            "group a capacity 1, b capacity 1, c capacity 1, d capacity 1, e capacity 1\nmqueue q capacity 1\n"
            + "thread w * 2:\n    receive a -> x\n    tryreceive b -> y, ok\n    timedreceive c, 3 -> z, ok2\n    subscribe d\n    receive q -> n\n"
            + "thread s:\n    broadcast e, 1\n    multicast a, 2\n");
        int Id(string name) => program.Objects.Single(o => o.Name == name).Id;

        Assert.Equal([Id("a"), Id("b"), Id("c"), Id("d")], program.Threads[0].AttachedGroups);
        Assert.Equal(program.Threads[0].AttachedGroups, program.Threads[1].AttachedGroups);
        Assert.Empty(program.Threads[2].AttachedGroups);
        Assert.Equal([OpCode.GroupBroadcast, OpCode.Publish], program.Threads[2].Code.Select(i => i.Op).Take(2));
    }

    [Fact]
    public void DeliveryPatternsLesson_RandomSchedules_AuditorPrintsOnlyTheThreeBroadcasts()
    {
        var program = KernelTestKit.CompileLesson("delivery-patterns.ipl");
        for (var seed = 1UL; seed <= 100; seed++)
        {
            var kernel = KernelTestKit.NewKernel(program);
            KernelTestKit.Drive(kernel, new RandomScheduler(seed));

            var auditor = KernelTestKit.ThreadId(kernel, "auditor");
            var printed = kernel.Events.Where(e => e.Kind == EventKind.Printed && e.Thread == auditor).Select(e => kernel.Strings[e.Value]);
            Assert.Equal(["auditor got broadcast 1", "auditor got broadcast 2", "auditor got broadcast 3"], printed);
            Assert.Empty(kernel.Findings);
        }
    }

    [Fact]
    public void Sentences_EveryThreadGetsACopy_CountTheCopies()
    {
        // The sender is a member and on the segment too, so there are as many copies as threads: the
        // count stands where a unicast's event names its thread, and must not be read as one.
        var kernel = KernelTestKit.NewKernel("group g capacity 4\nthread s:\n    join g\n    multicast g, 1\n    broadcast g, 2\n    pass\nthread r:\n    join g\n    pass\n");

        KernelTestKit.StepAll(kernel, "s", "r", "s", "s");

        Assert.Equal(
            [
                "s multicasts 1 to g: 2 members, 2 copies",
                "1 goes into s's inbox",
                "1 goes into r's inbox",
                "s broadcasts 2 to every receiver on the segment of g, joined or not: 2 receivers, 2 copies",
                "2 goes into s's inbox",
                "2 goes into r's inbox",
            ],
            KernelTestKit.Sentences(kernel)[^6..]);
    }

    [Fact]
    public void Broadcast_ReceiverThatNeverJoined_GetsTheBroadcastButNotTheMulticast()
    {
        var kernel = KernelTestKit.NewKernel("group g capacity 4\nthread member:\n    join g\n    pass\nthread auditor:\n    tryreceive g -> m, ok\nthread s:\n    multicast g, 1\n    broadcast g, 2\n");
        var g = KernelTestKit.ObjectId(kernel, "g");

        KernelTestKit.StepAll(kernel, "member", "s", "s");

        Assert.Equal([1L, 2L], kernel.InboxOf(g, KernelTestKit.ThreadId(kernel, "member")));
        Assert.Equal([2L], kernel.InboxOf(g, KernelTestKit.ThreadId(kernel, "auditor")));
        Assert.Equal(
            [
                "s multicasts 1 to g: 1 member, 1 copy",
                "1 goes into member's inbox",
                "s broadcasts 2 to every receiver on the segment of g, joined or not: 2 receivers, 2 copies",
                "2 goes into member's inbox",
                "2 goes into auditor's inbox",
                "s finishes",
            ],
            KernelTestKit.Sentences(kernel)[^6..]);
    }

    [Fact]
    public void Broadcast_NonMemberBlockedInReceive_WaitsAndGetsTheCopyAtOnce()
    {
        var kernel = KernelTestKit.NewKernel("group g capacity 1\nthread auditor:\n    receive g -> m\n    print m\nthread s:\n    broadcast g, 7\n");
        var auditor = KernelTestKit.ThreadId(kernel, "auditor");

        KernelTestKit.StepAll(kernel, "auditor");
        Assert.Equal(ThreadStatus.Blocked, kernel.StatusOf(auditor));
        Assert.Equal("auditor waits on group g: its inbox is empty, and it is not a member", kernel.DescribeWait(auditor));

        KernelTestKit.StepAll(kernel, "s");

        Assert.Equal(ThreadStatus.Ready, kernel.StatusOf(auditor));
        Assert.Equal(["s broadcasts 7 to every receiver on the segment of g, joined or not: 1 receiver, 1 copy", "auditor was waiting in receive and gets 7 at once"], KernelTestKit.Sentences(kernel)[^3..^1]);
    }

    [Fact]
    public void Receive_NonMemberAndNothingBroadcastsToTheGroup_FaultsAsNothingCouldArrive()
    {
        var kernel = KernelTestKit.NewKernel("group g capacity 1\nthread auditor:\n    receive g -> m\nthread s:\n    multicast g, 7\n");

        KernelTestKit.StepAll(kernel, "auditor");

        Assert.Equal(ThreadStatus.Faulted, kernel.StatusOf(KernelTestKit.ThreadId(kernel, "auditor")));
        Assert.Contains("nothing could ever arrive", KernelTestKit.Sentences(kernel)[^1]);
    }

    [Fact]
    public void Broadcast_ReceiversNotStartedOrEnded_AreNotOnTheSegment()
    {
        var kernel = KernelTestKit.NewKernel(
            "group g capacity 2\nprocess late:\n    thread listener:\n        tryreceive g -> m, ok\n"
            + "thread early:\n    tryreceive g -> m, ok\nthread s:\n    broadcast g, 1\n    spawn late\n    broadcast g, 2\n");
        var g = KernelTestKit.ObjectId(kernel, "g");

        KernelTestKit.StepAll(kernel, "early", "s", "s", "s");

        Assert.Equal([2L], kernel.InboxOf(g, KernelTestKit.ThreadId(kernel, "listener")));
        Assert.Empty(kernel.InboxOf(g, KernelTestKit.ThreadId(kernel, "early")));
        Assert.Contains("s broadcasts 1 to g: nobody is on its segment, no copy", KernelTestKit.Sentences(kernel));
        Assert.Contains("s broadcasts 2 to every receiver on the segment of g, joined or not: 1 receiver, 1 copy", KernelTestKit.Sentences(kernel));
    }

    [Fact]
    public void Broadcast_FullInboxOfANonMemberWithBlock_SenderWaitsUntilItMakesRoom()
    {
        var kernel = KernelTestKit.NewKernel("group g capacity 1\nthread auditor:\n    pass\n    receive g -> a\n    pass\nthread s:\n    broadcast g, 1\n    broadcast g, 2\n");
        var s = KernelTestKit.ThreadId(kernel, "s");

        KernelTestKit.StepAll(kernel, "s", "s");
        Assert.Equal(ThreadStatus.Blocked, kernel.StatusOf(s));
        Assert.Equal("s blocks on g: auditor's inbox is full (1 of 1); 2 waits to be sent", KernelTestKit.Sentences(kernel)[^1]);
        Assert.Equal("s waits on group g: the inbox of auditor is full (1 of 1)", kernel.DescribeWait(s));

        KernelTestKit.StepAll(kernel, "auditor", "auditor");

        Assert.Equal(ThreadStatus.Ready, kernel.StatusOf(s));
        Assert.Equal("s wakes up: auditor made room in g; it tries its send again", KernelTestKit.Sentences(kernel)[^1]);
    }

    [Fact]
    public void Broadcast_NonMemberWithAFullInboxCrashes_BlockedSenderTriesAgainAndSendsToNobody()
    {
        var kernel = KernelTestKit.NewKernel("group g capacity 1\nthread auditor:\n    pass\n    receive g -> a\nthread s:\n    broadcast g, 1\n    broadcast g, 2\n");
        var s = KernelTestKit.ThreadId(kernel, "s");

        KernelTestKit.StepAll(kernel, "s", "s");
        kernel.InjectCrash(KernelTestKit.ThreadId(kernel, "auditor"));

        Assert.Equal(ThreadStatus.Ready, kernel.StatusOf(s));
        KernelTestKit.StepAll(kernel, "s");
        Assert.Equal("s broadcasts 2 to g: nobody is on its segment, no copy", KernelTestKit.Sentences(kernel)[^2]);
    }

    [Fact]
    public void Broadcast_FullDropOldestOnANonMembersInbox_DropsItsOldestCopy()
    {
        var kernel = KernelTestKit.NewKernel("group g capacity 1 full drop-oldest\nthread auditor:\n    pass\n    tryreceive g -> a, ok\nthread s:\n    broadcast g, 1\n    broadcast g, 2\n");
        var g = KernelTestKit.ObjectId(kernel, "g");

        KernelTestKit.StepAll(kernel, "s", "s");

        Assert.Equal([2L], kernel.InboxOf(g, KernelTestKit.ThreadId(kernel, "auditor")));
        Assert.Equal(1, kernel.GroupDropped(g));
        Assert.Equal(["auditor's inbox in g is full: its oldest message 1 is dropped to make room", "2 goes into auditor's inbox"], KernelTestKit.Sentences(kernel)[^3..^1]);
    }
}
