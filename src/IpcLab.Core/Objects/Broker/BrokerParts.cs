using IpcLab.Core.Model;
using IpcLab.Core.Objects.Exchange;

namespace IpcLab.Core.Objects.Broker;

/// <summary>
/// How the broker's objects find each other: a program has at most one broker; its exchanges and
/// queues carry its id above their own settings in <see cref="ObjectInfo.Initial"/>, an exchange
/// carries in <see cref="ObjectInfo.Capacity"/> how many queues it can route one message to, and a
/// queue the broker's capacity (it can hold every message the broker holds).
/// </summary>
internal static class BrokerParts
{
    private const int BrokerShift = 8;
    private const long Durable = 1 << 4;

    /// <summary>The settings word of an exchange or a queue: its own bits below, the broker's id above.</summary>
    public static long Settings(long own, int broker) => own | ((long)broker << BrokerShift);

    public static long DurableBit(bool durable) => durable ? Durable : 0;

    public static bool IsDurable(ObjectInfo o) => (o.Initial & Durable) != 0;

    /// <summary>A queue's TTL, maximum length and overflow, in its settings word: the TTL from bit 48 and the length from bit 32 (0: none), the overflow in the low bits.</summary>
    public static long Limits(int maxLength, BrokerQueue.OverflowMode overflow, int ttl) => ((long)ttl << 48) | ((long)maxLength << 32) | (long)overflow;

    public static int MaxLengthOf(ObjectInfo queue) => (int)((queue.Initial >> 32) & 0xFFFF);

    /// <summary>A queue's message TTL in steps of the kernel clock, or 0 for none.</summary>
    public static int TtlOf(ObjectInfo queue) => (int)(queue.Initial >> 48);

    /// <summary>The TTL that applies to a message in the queue: the lower of the queue's and its own, or 0 for none.</summary>
    public static long TtlOf(ObjectInfo queue, MessageSlot m) => (TtlOf(queue), m.Ttl) switch
    {
        (0, var own) => own,
        (var ttl, 0) => ttl,
        (var ttl, var own) => Math.Min(ttl, own),
    };

    /// <summary>The clock at which a ready message of the queue expires, or long.MaxValue when no TTL applies to it.</summary>
    public static long ExpiryOf(ObjectInfo queue, MessageSlot m) => TtlOf(queue, m) is var ttl and > 0 ? m.EnqueuedAt + ttl : long.MaxValue;

    /// <summary>True when the copy sits in a queue (ready or held) whose TTL counts from its <see cref="MessageSlot.EnqueuedAt"/>.</summary>
    public static bool CountsTtl(IKernelServices k, MessageSlot m) =>
        m.Place is MessagePlace.Ready or MessagePlace.Pushed or MessagePlace.Unacked && TtlOf(k.Program.Objects[m.At], m) > 0;

    public static BrokerQueue.OverflowMode OverflowOf(ObjectInfo queue) => (BrokerQueue.OverflowMode)(queue.Initial & 0xF);

    public static int BrokerOf(ObjectInfo exchangeOrQueue) => (int)((exchangeOrQueue.Initial >> BrokerShift) & 0xFFFFFF);

    public static ExchangeType TypeOf(ObjectInfo exchange) => (ExchangeType)(exchange.Initial & 0xF);

    /// <summary>The one broker of a program, or null.</summary>
    public static ObjectInfo? Find(CompiledProgram program)
    {
        // By index: this runs at every thread's end, and a foreach over the list would allocate.
        var objects = program.Objects;
        for (var i = 0; i < objects.Count; i++)
        {
            if (objects[i].Kind == ObjectKind.Broker)
            {
                return objects[i];
            }
        }

        return null;
    }

    /// <summary>The broker's own thread: the one whose program is its work loop.</summary>
    public static int ThreadOf(CompiledProgram program, ObjectInfo broker)
    {
        for (var t = 0; t < program.Threads.Count; t++)
        {
            var code = program.Threads[t].Code;
            if (code.Length == 1 && code[0].Op == OpCode.BrokerWork && code[0].A == broker.Id)
            {
                return t;
            }
        }

        return -1;
    }

    public static BrokerCells Cells(Runtime.Kernel kernel, ObjectInfo broker) => Cells((IKernelServices)kernel, broker);

    public static BrokerCells Cells(IKernelServices k, ObjectInfo broker) =>
        new(k.Cells(broker.Id), broker.Capacity, DeathEntriesOf(broker));

    /// <summary>How many entries of death history each of the broker's messages has room for (see <see cref="BrokerTopology"/>), kept in its settings word.</summary>
    public static int DeathEntriesOf(ObjectInfo broker) => (int)broker.Initial;

    public static BrokerQueue.BrokerQueueCells QueueCells(IKernelServices k, ObjectInfo queue) => new(k.Cells(queue.Id), queue.Capacity);
}
