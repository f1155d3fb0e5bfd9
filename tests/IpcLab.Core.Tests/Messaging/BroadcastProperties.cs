using System.Text;
using FsCheck;
using FsCheck.Fluent;
using IpcLab.Core.Runtime;
using IpcLab.Core.Tests.KernelTests;

namespace IpcLab.Core.Tests.Messaging;

public sealed class BroadcastProperties
{
    private static readonly string[] _policies = ["round-robin", "least-loaded", "first-ready"];
    private static readonly string[] _fulls = ["block", "drop", "drop-oldest"];
    private static readonly EventKind[] _copies = [EventKind.CopyDelivered, EventKind.GroupHandedOver, EventKind.CopyDropped];

    /// <summary>The threads whose programs receive from g: these are on its segment while alive.</summary>
    private static readonly string[] _receivers = ["worker", "auditor", "latecomer"];

    /// <summary>
    /// Two workers join and leave g at run time; an auditor receives from g but never joins; a
    /// latecomer receives from g in a process the sender spawns halfway; a bystander never
    /// receives. The sender sends six numbered messages with <paramref name="verb"/>.
    /// </summary>
    private static string Script(string verb, int setting)
    {
        var sb = new StringBuilder($"group g capacity 2 policy {_policies[setting % 3]} full {_fulls[setting / 3 % 3]}\n");
        sb.Append("process workers:\n    thread worker * 2:\n");
        sb.Append("        repeat 2:\n            join g\n            ok = true\n            while ok:\n                timedreceive g, 6 -> m, ok\n            leave g\n");
        sb.Append("process other:\n    thread auditor:\n        repeat 4:\n            timedreceive g, 6 -> m, ok\n");
        sb.Append("process late:\n    thread latecomer:\n        repeat 3:\n            tryreceive g -> m, ok\n");
        sb.Append("thread bystander:\n    pass\n    pass\n");
        sb.Append($"thread sender:\n    for i in 1..3:\n        {verb} g, i\n    spawn late\n    for i in 4..6:\n        {verb} g, i\n");
        return sb.ToString();
    }

    /// <summary>The receivers on g's segment now, by this test's own reading of the definition.</summary>
    private static int[] OnSegment(Kernel kernel) =>
        kernel.Program.Threads
            .Where(t => _receivers.Contains(t.Template) && kernel.StatusOf(t.Id) is not (ThreadStatus.Finished or ThreadStatus.Faulted or ThreadStatus.NotStarted))
            .Select(t => t.Id)
            .ToArray();

    [Fact]
    public void Broadcast_GeneratedSchedulesAndCrashes_OneCopyToEachLiveReceiverOnTheSegmentJoinedOrNot()
    {
        Prop.ForAll(KernelTestKit.Choices, KernelTestKit.Choices, ArbMap.Default.ArbFor<byte>(), (threads, injections, setting) =>
        {
            var kernel = KernelTestKit.NewKernel(Script("broadcast", setting));
            var g = KernelTestKit.ObjectId(kernel, "g");
            MessagingDriver.Run(kernel, new ChoiceScheduler(threads, []), injections, OnSegment, (k, attached, events) =>
            {
                foreach (var sent in MessagingDriver.Of(events, g, EventKind.Published))
                {
                    Assert.Equal(attached.Length, sent.Other);
                    Assert.Equal(attached, CopiesOf(events, g, sent.Value));
                }
            });
        }).Check(KernelTestKit.Config(150));
    }

    [Fact]
    public void Multicast_GeneratedSchedulesAndCrashes_OnlyMembersPresentAtSendTimeNeverTheAuditor()
    {
        Prop.ForAll(KernelTestKit.Choices, KernelTestKit.Choices, ArbMap.Default.ArbFor<byte>(), (threads, injections, setting) =>
        {
            var kernel = KernelTestKit.NewKernel(Script("multicast", setting));
            var g = KernelTestKit.ObjectId(kernel, "g");
            var auditor = KernelTestKit.ThreadId(kernel, "auditor");
            MessagingDriver.Run(kernel, new ChoiceScheduler(threads, []), injections, k => k.GroupMembers(g), (k, members, events) =>
            {
                foreach (var sent in MessagingDriver.Of(events, g, EventKind.Published))
                {
                    Assert.Equal(members.Length, sent.Other);
                    Assert.Equal(members, CopiesOf(events, g, sent.Value));
                }

                Assert.Empty(k.InboxOf(g, auditor));
            });
        }).Check(KernelTestKit.Config(150));
    }

    [Fact]
    public void IsOnSegment_GeneratedSchedulesAndCrashes_AgreesWithTheDefinition()
    {
        Prop.ForAll(KernelTestKit.Choices, KernelTestKit.Choices, (threads, injections) =>
        {
            var kernel = KernelTestKit.NewKernel(Script("broadcast", 0));
            var g = KernelTestKit.ObjectId(kernel, "g");
            MessagingDriver.Run(kernel, new ChoiceScheduler(threads, []), injections, _ => 0, (k, _, _) =>
            {
                var kernelSays = k.Program.Threads.Where(t => k.IsOnSegment(g, t.Id)).Select(t => t.Id);
                Assert.Equal(OnSegment(k), kernelSays);
                Assert.All(k.GroupMembers(g), m => Assert.True(k.IsOnSegment(g, m), "every member is on the segment"));
            });
        }).Check(KernelTestKit.Config(60));
    }

    /// <summary>Who got a copy of the message (delivered, handed over or dropped for a full inbox), in thread order.</summary>
    private static int[] CopiesOf(KernelEvent[] events, int g, long value) =>
        events.Where(e => e.Object == g && e.Value == value && _copies.Contains(e.Kind)).Select(e => e.Other).Order().ToArray();
}
