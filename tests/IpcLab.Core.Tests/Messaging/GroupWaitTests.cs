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
}
