using System.Text;
using FsCheck;
using FsCheck.Fluent;
using IpcLab.Core.Model;
using IpcLab.Core.Runtime;
using IpcLab.Core.Tests.KernelTests;

namespace IpcLab.Core.Tests.Messaging;

public sealed class GroupProperties
{
    private static readonly string[] _policies = ["round-robin", "least-loaded", "first-ready"];
    private static readonly string[] _fulls = ["block", "drop", "drop-oldest"];

    /// <summary>
    /// Three workers (in two processes) join and leave the group at run time, receiving with a
    /// timeout; a sender sends six numbered messages with <paramref name="verb"/>.
    /// </summary>
    private static string Script(string verb, int setting)
    {
        var policy = _policies[setting % 3];
        var full = _fulls[setting / 3 % 3];
        var target = verb == "unicast" ? "\"worker-2\", " : "";
        var sb = new StringBuilder($"group g capacity 2 policy {policy} full {full}\n");
        sb.Append("process workers:\n    thread worker * 2:\n").Append(Worker("        "));
        sb.Append("process other:\n    thread loner:\n").Append(Worker("        "));
        sb.Append($"thread sender:\n    for i in 1..6:\n        {verb} g, {target}i\n");
        return sb.ToString();
    }

    private static string Worker(string indent) =>
        $"{indent}repeat 2:\n{indent}    join g\n{indent}    ok = true\n{indent}    while ok:\n"
        + $"{indent}        timedreceive g, 6 -> m, ok\n{indent}    leave g\n";

    private static readonly EventKind[] _copies = [EventKind.CopyDelivered, EventKind.GroupHandedOver, EventKind.CopyDropped];

    [Fact]
    public void Anycast_GeneratedSchedulesPoliciesAndCrashes_EachMessageToExactlyOneLiveMember()
    {
        Prop.ForAll(KernelTestKit.Choices, KernelTestKit.Choices, ArbMap.Default.ArbFor<byte>(), (threads, injections, setting) =>
        {
            var kernel = KernelTestKit.NewKernel(Script("anycast", setting));
            var g = KernelTestKit.ObjectId(kernel, "g");
            MessagingDriver.Run(kernel, new ChoiceScheduler(threads, []), injections, k => k.GroupMembers(g), (k, members, events) =>
            {
                foreach (var sent in MessagingDriver.Of(events, g, EventKind.Published))
                {
                    Assert.Contains(sent.Other, members);
                    var copies = events.Where(e => e.Object == g && e.Value == sent.Value && _copies.Contains(e.Kind)).ToArray();
                    var copy = Assert.Single(copies);
                    Assert.Equal(sent.Other, copy.Other);
                    Assert.NotEqual(EventKind.CopyDropped, copy.Kind);
                }

                foreach (var lost in MessagingDriver.Of(events, g, EventKind.NotDelivered))
                {
                    Assert.Empty(members);
                }
            });
        }).Check(KernelTestKit.Config(200));
    }

    [Fact]
    public void Multicast_GeneratedSchedulesAndCrashes_OneCopyToEachMemberPresentAtSendTime()
    {
        Prop.ForAll(KernelTestKit.Choices, KernelTestKit.Choices, ArbMap.Default.ArbFor<byte>(), (threads, injections, setting) =>
        {
            var kernel = KernelTestKit.NewKernel(Script("multicast", setting));
            var g = KernelTestKit.ObjectId(kernel, "g");
            MessagingDriver.Run(kernel, new ChoiceScheduler(threads, []), injections, k => k.GroupMembers(g), (k, members, events) =>
            {
                foreach (var sent in MessagingDriver.Of(events, g, EventKind.Published))
                {
                    Assert.Equal(members.Length, sent.Other);
                    var receivers = events.Where(e => e.Object == g && e.Value == sent.Value && _copies.Contains(e.Kind)).Select(e => e.Other).Order();
                    Assert.Equal(members, receivers);
                }
            });
        }).Check(KernelTestKit.Config(150));
    }

    [Fact]
    public void Unicast_GeneratedSchedules_OnlyTheNamedMemberGetsIt()
    {
        Prop.ForAll(KernelTestKit.Choices, KernelTestKit.Choices, ArbMap.Default.ArbFor<byte>(), (threads, injections, setting) =>
        {
            var kernel = KernelTestKit.NewKernel(Script("unicast", setting));
            var g = KernelTestKit.ObjectId(kernel, "g");
            var named = KernelTestKit.ThreadId(kernel, "worker-2");
            MessagingDriver.Run(kernel, new ChoiceScheduler(threads, []), injections, k => k.IsGroupMember(g, named), (k, wasMember, events) =>
            {
                var copies = events.Where(e => e.Object == g && _copies.Contains(e.Kind)).ToArray();
                Assert.All(copies, c => Assert.Equal(named, c.Other));
                Assert.True(wasMember || copies.Length == 0);
                Assert.True(!wasMember || MessagingDriver.Of(events, g, EventKind.NotDelivered).Length == 0);
            });
        }).Check(KernelTestKit.Config(100));
    }

    [Fact]
    public void Crash_GeneratedInjections_NoMessageInAnInboxIsLostAndNobodyEndedStaysQueued()
    {
        Prop.ForAll(KernelTestKit.Choices, KernelTestKit.Choices, ArbMap.Default.ArbFor<byte>(), (threads, injections, setting) =>
        {
            var verb = new[] { "multicast", "anycast", "unicast", "broadcast" }[setting % 4];
            var kernel = KernelTestKit.NewKernel(Script(verb, setting / 4));
            var g = KernelTestKit.ObjectId(kernel, "g");
            MessagingDriver.Run(kernel, new ChoiceScheduler(threads, []), injections, _ => 0, (k, _, _) =>
            {
                var went = MessagingDriver.Of(k.Events, g, EventKind.CopyDelivered).Length;
                var left = MessagingDriver.Of(k.Events, g, EventKind.OldestDropped, EventKind.GroupReceived).Length;
                var held = k.Program.Threads.Sum(t => k.InboxOf(g, t.Id).Length);
                Assert.Equal(went - left, held);
                foreach (var t in k.Program.Threads)
                {
                    if (k.StatusOf(t.Id) is ThreadStatus.Faulted or ThreadStatus.Finished)
                    {
                        Assert.False(k.IsGroupMember(g, t.Id), $"{t.Name} has ended but is still a member");
                    }
                }
            });
        }).Check(KernelTestKit.Config(200));
    }

    [Fact]
    public void Anycast_RoundRobin_TakesTurnsInThreadOrder()
    {
        var kernel = KernelTestKit.NewKernel("group g capacity 4\nthread w * 3:\n    join g\n    pass\nthread s:\n    anycast g, 1\n    anycast g, 2\n    anycast g, 3\n    anycast g, 4\n");

        KernelTestKit.StepAll(kernel, "w-1", "w-2", "w-3", "s", "s", "s", "s");

        var g = KernelTestKit.ObjectId(kernel, "g");
        Assert.Equal([[1L, 4L], [2L], [3L]], kernel.Program.Threads.Take(3).Select(t => kernel.InboxOf(g, t.Id)));
        Assert.Equal("s anycasts 4 to g: round-robin picks w-1", KernelTestKit.Sentences(kernel)[^3]);
    }

    [Fact]
    public void Anycast_CrashedMember_IsSkippedAndItsInboxKept()
    {
        var kernel = KernelTestKit.NewKernel("group g capacity 4\nthread w * 2:\n    join g\n    receive g -> x\n    receive g -> y\nthread s:\n    anycast g, 1\n    anycast g, 2\n    anycast g, 3\n");
        var g = KernelTestKit.ObjectId(kernel, "g");

        KernelTestKit.StepAll(kernel, "w-1", "w-2", "s");
        kernel.InjectCrash(KernelTestKit.ThreadId(kernel, "w-1"));
        KernelTestKit.StepAll(kernel, "s", "s");

        Assert.False(kernel.IsGroupMember(g, 0));
        Assert.Equal([1L], kernel.InboxOf(g, 0));
        Assert.Equal([2L, 3L], kernel.InboxOf(g, 1));
    }

    [Fact]
    public void Publish_FullInboxWithBlock_SenderWaitsAndTheDeadlockReportSaysWhose()
    {
        var kernel = KernelTestKit.NewKernel("group g capacity 1\nthread w:\n    join g\n    receive g -> x\n    pass\nthread s:\n    multicast g, 1\n    multicast g, 2\n    multicast g, 3\n");

        KernelTestKit.StepAll(kernel, "w", "s", "s");

        Assert.Equal("s waits on group g: the inbox of w is full (1 of 1)", kernel.DescribeWait(1));
        KernelTestKit.StepAll(kernel, "w");
        Assert.Equal(ThreadStatus.Ready, kernel.StatusOf(1));
        Assert.Equal("s wakes up: w made room in g; it tries its send again", KernelTestKit.Sentences(kernel)[^1]);
    }

    [Fact]
    public void ProcessCrash_Members_LeaveEveryGroup()
    {
        var kernel = KernelTestKit.NewKernel("group a capacity 1, b capacity 1\nprocess p:\n    thread w:\n        join a\n        join b\n        pass\nthread s:\n    multicast a, 1\n");

        KernelTestKit.StepAll(kernel, "w", "w");
        kernel.InjectProcessCrash(0);

        Assert.Equal([[], []], new[] { "a", "b" }.Select(n => kernel.GroupMembers(KernelTestKit.ObjectId(kernel, n))));
        Assert.Equal(["w has ended and is no longer in a", "w has ended and is no longer in b"], KernelTestKit.Sentences(kernel)[^2..]);
    }
}
