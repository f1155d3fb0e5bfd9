using System.Text.Json;
using IpcLab.Core.Persistence;
using IpcLab.Core.Runtime;
using IpcLab.Core.Scheduling;
using IpcLab.Core.Tests.KernelTests;

namespace IpcLab.Core.Tests.Sockets;

/// <summary>The JSON trace keeps what a socket event's sentence is made of: descriptors and byte counts, by name.</summary>
public sealed class SocketEventJsonTests
{
    /// <summary>The fields every event of a kind has (a blocked or woken event has more, by what it waited for).</summary>
    private static readonly Dictionary<EventKind, string[]> Fields = new()
    {
        [EventKind.SocketListened] = ["fd", "process"],
        [EventKind.SocketConnected] = ["fd", "process", "pending"],
        [EventKind.SocketAccepted] = ["fd", "process", "listen-fd"],
        [EventKind.SocketSent] = ["fd", "process", "bytes", "buffered", "data"],
        [EventKind.SocketReceived] = ["fd", "process", "bytes", "waiting", "data"],
        [EventKind.SocketEndOfFile] = ["fd", "process", "peer-closed"],
        [EventKind.SocketBlocked] = ["process"],
        [EventKind.SocketWoken] = ["process", "reason"],
        [EventKind.SocketShutdown] = ["fd", "process", "left"],
        [EventKind.SocketClosed] = ["fd", "process", "closes", "by"],
        [EventKind.Selected] = ["fd", "process", "ready"],
        [EventKind.SocketBound] = ["fd", "process"],
        [EventKind.DatagramSent] = ["process", "data", "queued"],
        [EventKind.DatagramReceived] = ["fd", "process", "data", "bytes", "left", "truncated"],
    };

    public static TheoryData<string> Scenarios() => SocketSentenceSnapshotTests.Scenarios();

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void EventJson_EverySocketEvent_HasItsTypedFields(string scenario)
    {
        var program = KernelTestKit.Compile(SocketSentenceSnapshotTests.ScenarioText(scenario), scenario);
        foreach (var run in new Action<Kernel>[]
                 {
                     k => Runner.Run(k, new RoundRobinScheduler()),
                     k => KernelTestKit.DriveWithInjections(k, new RandomScheduler(8), [0, 0, 0, 0, 0, 0, 61]),
                 })
        {
            var kernel = KernelTestKit.NewKernel(program);
            run(kernel);
            foreach (var e in kernel.Events.Where(e => Fields.ContainsKey(e.Kind)))
            {
                using var json = JsonDocument.Parse(EventJson.ToLine(e, kernel));
                var root = json.RootElement;
                var text = root.GetProperty("text").GetString()!;
                foreach (var field in Fields[e.Kind])
                {
                    Assert.True(root.TryGetProperty(field, out _), $"{e.Kind} has no \"{field}\": {root}");
                }

                // The descriptor the fields name is the one the sentence names.
                if (root.TryGetProperty("fd", out var fd))
                {
                    Assert.Contains($"fd {fd.GetInt32()}", text, StringComparison.Ordinal);
                }
            }
        }
    }

    [Fact]
    public void EventJson_SendThatBlocksHalfway_SaysBytesSentAndLeft()
    {
        var kernel = KernelTestKit.NewKernel("socket e path \"/a\" buffer 3\nthread t:\n    listen e -> l\n    connect e -> c\n    send c, \"hello\"\n");
        Runner.Run(kernel, new RoundRobinScheduler());

        var blocked = kernel.Events.Single(e => e.Kind == EventKind.SocketBlocked);
        using var json = JsonDocument.Parse(EventJson.ToLine(blocked, kernel));
        var root = json.RootElement;
        Assert.Equal("blocked", root.GetProperty("kind").GetString());
        Assert.Equal(4, root.GetProperty("fd").GetInt32());
        Assert.Equal(3, root.GetProperty("bytes").GetInt32());
        Assert.Equal(2, root.GetProperty("left").GetInt32());
        Assert.Equal("hel", root.GetProperty("data").GetString());
        Assert.Equal("t sends \"hel\" on fd 4 (3 of 5 bytes) and blocks: the buffer is full, the rest waits until the reader makes room", root.GetProperty("text").GetString());
    }
}
