using IpcLab.Core.Runtime;
using IpcLab.Core.Scheduling;
using IpcLab.Core.Tests.KernelTests;

namespace IpcLab.Core.Tests.Sockets;

public sealed class SocketHashTests
{
    // Every turn of the two loops brings the run back to the same state, except for how many
    // bytes have ever passed through the connection.
    private const string EndlessEcho = """
        socket e path "/p" buffer 2
        semaphore ready

        process server:
            thread srv:
                listen e -> lfd
                V ready
                accept lfd -> c
                while true:
                    recv c, 1 -> s

        process client:
            thread cli:
                P ready
                connect e -> fd
                while true:
                    send fd, "a"
        """;

    [Fact]
    public void StateHash_SameBytesAfterMoreTraffic_HashesEqual()
    {
        var kernel = KernelTestKit.NewKernel(EndlessEcho, KernelTestKit.Options with { MaxSteps = 300 });
        var byState = new Dictionary<string, ulong>(StringComparer.Ordinal);
        var repeats = 0;
        KernelTestKit.Drive(kernel, new RoundRobinScheduler(), k =>
        {
            var state = KernelTestKit.LogicalState(k);
            if (byState.TryGetValue(state, out var hash))
            {
                Assert.Equal(hash, k.StateHash());
                repeats++;
            }
            else
            {
                byState.Add(state, k.StateHash());
            }
        });

        Assert.True(repeats > 100, $"only {repeats} states came back");
        Assert.True(byState.Count < 40, $"{byState.Count} different states: the loops should bring the run back to a few");
    }
}
