using IpcLab.Core.Runtime;
using IpcLab.Core.Tests.KernelTests;

namespace IpcLab.Core.Tests.Broker;

/// <summary>
/// A message's TTL is part of the state as the steps it has left, not as the clock it entered its
/// queue at: a poller spinning on an empty queue brings the same program back to the same lines
/// at different clocks, and those states are the same exactly when every message has the same
/// TTL left.
/// </summary>
public sealed class BrokerTtlStateTests
{
    private const string Script = """
        broker rabbit capacity 2
        exchange x type fanout
        exchange y type fanout
        bqueue q bind x ttl 40
        bqueue other bind y
        thread p:
            publish x, "", "m"
        thread poller:
            while acked(q) < 1:
                get other -> v, tag
        """;

    [Fact]
    public void StateHash_SameTtlLeftAtDifferentClocks_Equal()
    {
        var once = Run(pollsBefore: 1, pollsAfter: 0);
        var twice = Run(pollsBefore: 2, pollsAfter: 0);

        Assert.NotEqual(once.Clock, twice.Clock);
        Assert.Equal(KernelTestKit.LogicalState(once), KernelTestKit.LogicalState(twice));
        Assert.Equal(once.StateHash(), twice.StateHash());
    }

    [Fact]
    public void StateHash_DifferentTtlLeftAtTheSameLines_Differ()
    {
        var once = Run(pollsBefore: 0, pollsAfter: 1);
        var twice = Run(pollsBefore: 0, pollsAfter: 2);

        Assert.Equal(once.PcOf(KernelTestKit.ThreadId(once, "poller")), twice.PcOf(KernelTestKit.ThreadId(twice, "poller")));
        Assert.NotEqual(KernelTestKit.LogicalState(once), KernelTestKit.LogicalState(twice));
        Assert.NotEqual(once.StateHash(), twice.StateHash());
    }

    private static Kernel Run(int pollsBefore, int pollsAfter)
    {
        var kernel = KernelTestKit.NewKernel(Script);
        Poll(kernel, pollsBefore);
        KernelTestKit.StepAll(kernel, "p", "rabbit");
        Poll(kernel, pollsAfter);
        return kernel;
    }

    /// <summary>Runs the poller round its loop <paramref name="times"/> times, back to the line it started on.</summary>
    private static void Poll(Kernel kernel, int times)
    {
        var poller = KernelTestKit.ThreadId(kernel, "poller");
        var head = kernel.PcOf(poller);
        for (var i = 0; i < times; i++)
        {
            do
            {
                kernel.Step(poller);
            }
            while (kernel.PcOf(poller) != head);
        }
    }
}
