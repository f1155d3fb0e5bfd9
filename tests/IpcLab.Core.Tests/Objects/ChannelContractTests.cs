using IpcLab.Core.Model;
using IpcLab.Core.Runtime;

namespace IpcLab.Core.Tests.Objects;

/// <summary>The plain bounded buffer, guarded by two semaphores and a mutex (it never blocks by itself).</summary>
public sealed class BoundedQueueChannelTests : ChannelContract
{
    protected override string Script(int producers, int items, int capacity) => $"""
        queue ch capacity {capacity}
        semaphore slots = {capacity}
        semaphore filled = 0
        mutex m
        thread producer * {producers}:
            for i in 1..{items}:
                P slots
                lock m
                put ch, "{"{self}"}.{"{i}"}"
                unlock m
                V filled
        thread consumer:
            repeat {producers * items}:
                P filled
                lock m
                take ch -> x
                unlock m
                V slots
                print x
        """;

    protected override int Held(Kernel kernel, ObjectInfo channel) => kernel.QueueItems(channel.Id).Length;
}

public sealed class MessageQueueChannelTests : ChannelContract
{
    protected override string Script(int producers, int items, int capacity) => $"""
        mqueue ch capacity {capacity}
        thread producer * {producers}:
            for i in 1..{items}:
                send ch, "{"{self}"}.{"{i}"}"
        thread consumer:
            repeat {producers * items}:
                receive ch -> x
                print x
        """;

    protected override int Held(Kernel kernel, ObjectInfo channel) => kernel.MessageQueueItems(channel.Id).Length;
}

/// <summary>A group member's inbox, filled by unicasts.</summary>
public sealed class GroupInboxChannelTests : ChannelContract
{
    protected override string Script(int producers, int items, int capacity) => $"""
        group ch capacity {capacity}
        semaphore joined
        thread consumer:
            join ch
            repeat {producers}:
                V joined
            repeat {producers * items}:
                receive ch -> x
                print x
        thread producer * {producers}:
            P joined
            for i in 1..{items}:
                unicast ch, "consumer", "{"{self}"}.{"{i}"}"
        """;

    protected override int Held(Kernel kernel, ObjectInfo channel) =>
        kernel.InboxOf(channel.Id, kernel.Program.Threads.Single(t => t.Name == "consumer").Id).Length;
}

public sealed class DatagramSocketChannelTests : ChannelContract
{
    protected override string Script(int producers, int items, int capacity) => $"""
        dgram ch path "/tmp/ch" capacity {capacity}
        semaphore bound
        process receiver:
            thread consumer:
                bind ch -> fd
                repeat {producers}:
                    V bound
                repeat {producers * items}:
                    recv fd -> x
                    print x
        process senders:
            thread producer * {producers}:
                P bound
                for i in 1..{items}:
                    sendto ch, "{"{self}"}.{"{i}"}"
        """;

    protected override int Held(Kernel kernel, ObjectInfo channel) => kernel.DatagramMessages(channel.Id).Count;
}

/// <summary>A stream connection: bytes, not messages, so what arrives is compared as one string split at each item's end.</summary>
public sealed class StreamSocketChannelTests : ChannelContract
{
    protected override int MaxProducers => 1;

    protected override string Script(int producers, int items, int capacity) => $"""
        socket ch path "/tmp/ch" backlog 1 buffer {capacity}
        semaphore ready
        process server:
            thread consumer:
                listen ch -> lfd
                V ready
                accept lfd -> fd
                recv fd -> s
                while s != "":
                    print s
                    recv fd -> s
        process client:
            thread producer:
                P ready
                connect ch -> fd
                for i in 1..{items}:
                    send fd, "producer.{"{i}"};"
                shutdown fd
        """;

    protected override IReadOnlyList<string> Received(IEnumerable<string> prints) =>
        string.Concat(prints)
            .Split(';', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>A crash may cut the byte stream anywhere: what arrived is a prefix of what was sent.</summary>
    protected override void AssertPartArrived(IReadOnlyList<string> sent, IReadOnlyList<string> prints, string run)
    {
        var all = string.Concat(sent.Select(item => item + ";"));
        var got = string.Concat(prints);
        Assert.True(all.StartsWith(got, StringComparison.Ordinal), $"{run}: got \"{got}\", not a prefix of \"{all}\"");
    }

    protected override int Held(Kernel kernel, ObjectInfo channel) =>
        kernel.StreamConnections(channel.Id).Sum(c => c.ToServer.Length);
}
