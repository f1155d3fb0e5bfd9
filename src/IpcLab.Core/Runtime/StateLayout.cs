using IpcLab.Core.Model;

namespace IpcLab.Core.Runtime;

/// <summary>
/// Where each part of the kernel state lives in one flat <c>long[]</c>. The whole state is that
/// array: a snapshot is a copy of it, a hash is a pass over it. Layout, in order:
/// <list type="bullet">
/// <item>header: [0] the next wait ticket</item>
/// <item>objects: the cells of every object whose module lays them out (<see cref="Objects.ObjectModule.CellCount"/>), in id order</item>
/// <item>shared variables: one value each</item>
/// <item>queues: taken-count, put-count, then <c>capacity</c> slots (a ring indexed by count mod capacity)</item>
/// <item>shared-memory segments: a bit set of the processes that map it, then its words</item>
/// <item>sockets and descriptor tables (see <see cref="SocketLayout"/>)</item>
/// <item>threads: pc, status, wait object, wait ticket, fault message id, then the locals</item>
/// <item>message queues and groups (see <see cref="MessagingLayout"/>)</item>
/// </list>
/// A thread waiting on an object holds a ticket; an object's queue is its waiters in ticket order.
/// One field per thread means a thread can never be in two wait queues at once.
/// </summary>
public sealed class StateLayout
{
    public const int TicketSlot = 0;
    public const int HeaderSize = 1;

    public const int PcField = 0;
    public const int StatusField = 1;
    public const int WaitObjectField = 2;
    public const int TicketField = 3;
    public const int FaultField = 4;
    public const int ThreadHeaderSize = 5;

    private readonly int[] _queueBase;
    private readonly int[] _queueCapacity;
    private readonly int _queueStart;
    private readonly int[] _shmBase;
    private readonly int[] _processOf;
    private readonly int[] _objectBase;

    public StateLayout(CompiledProgram program)
    {
        _objectBase = new int[program.Objects.Count];
        var cells = HeaderSize;
        foreach (var o in program.Objects)
        {
            _objectBase[o.Id] = cells;
            cells += Objects.ObjectModules.Of(o.Kind)?.CellCount(o) ?? 0;
        }

        SharedBase = cells;
        var queueStart = SharedBase + program.CountOf(ObjectKind.SharedVar);
        _queueStart = queueStart;
        var queues = program.ObjectsOf(ObjectKind.BoundedQueue).OrderBy(q => q.Slot).ToArray();
        _queueBase = new int[queues.Length];
        _queueCapacity = new int[queues.Length];
        var at = queueStart;
        foreach (var q in queues)
        {
            _queueBase[q.Slot] = at;
            _queueCapacity[q.Slot] = q.Capacity;
            at += 2 + q.Capacity;
        }

        ShmStart = at;
        var segments = program.ObjectsOf(ObjectKind.SharedMemory).OrderBy(s => s.Slot).ToArray();
        _shmBase = new int[segments.Length];
        foreach (var s in segments)
        {
            _shmBase[s.Slot] = at;
            at += 1 + s.Capacity;
        }

        ShmEnd = at;
        _processOf = program.Threads.Select(t => t.Process).ToArray();
        Sockets = new SocketLayout(program, at);
        at = Sockets.End;
        ThreadBase = at;
        MaxLocals = program.Threads.Count == 0 ? 0 : program.Threads.Max(t => t.Locals.Count);
        ThreadStride = ThreadHeaderSize + MaxLocals;
        ThreadCount = program.Threads.Count;
        Size = ThreadBase + (ThreadStride * ThreadCount);
        Messaging = new MessagingLayout(program, Size);
        Size += Messaging.Size;
    }

    /// <summary>The message queues' and groups' region, after the threads.</summary>
    public MessagingLayout Messaging { get; }

    public int SharedBase { get; }

    /// <summary>The shared-memory region: [ShmStart, ShmEnd).</summary>
    public int ShmStart { get; }

    public int ShmEnd { get; }
    /// <summary>The descriptor tables and sockets, between the queues and the threads.</summary>
    public SocketLayout Sockets { get; }

    public int ThreadBase { get; }

    public int ThreadStride { get; }

    public int ThreadCount { get; }

    public int MaxLocals { get; }

    public int Size { get; }

    /// <summary>Where an object's cells start in the objects region (see <see cref="Objects.ObjectModule.CellCount"/>).</summary>
    public int ObjectBase(int objectId) => _objectBase[objectId];

    public int QueueBase(int slot) => _queueBase[slot];

    /// <summary>Where the queues start (the end of the shared variables).</summary>
    public int QueueBase0() => _queueStart;

    public int QueueCapacity(int slot) => _queueCapacity[slot];

    public int QueueSlots => _queueBase.Length;

    public long QueueCount(long[] data, int slot)
    {
        var b = _queueBase[slot];
        return data[b + 1] - data[b];
    }

    /// <summary>Index of a queue's i-th item (0 = head) in the state array.</summary>
    public int QueueItemIndex(long[] data, int slot, long i)
    {
        var b = _queueBase[slot];
        return b + 2 + (int)((data[b] + i) % _queueCapacity[slot]);
    }

    /// <summary>A segment's mapped-by bit set (bit p = process p maps it).</summary>
    public int ShmMapIndex(int segmentSlot) => _shmBase[segmentSlot];

    /// <summary>Where a segment's word 0 is.</summary>
    public int ShmWordBase(int segmentSlot) => _shmBase[segmentSlot] + 1;

    public bool IsMapped(long[] data, int segmentSlot, int process) => (data[_shmBase[segmentSlot]] & (1L << process)) != 0;

    public int ProcessOf(int thread) => _processOf[thread];

    public int ThreadField(int thread, int field) => ThreadBase + (thread * ThreadStride) + field;

    public int LocalBase(int thread) => ThreadBase + (thread * ThreadStride) + ThreadHeaderSize;
}
