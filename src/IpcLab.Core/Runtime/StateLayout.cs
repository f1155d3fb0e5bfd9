using IpcLab.Core.Model;

namespace IpcLab.Core.Runtime;

/// <summary>
/// Where each part of the kernel state lives in one flat <c>long[]</c>. The whole state is that
/// array: a snapshot is a copy of it, a hash is a pass over it. Layout, in order:
/// <list type="bullet">
/// <item>header: [0] the next wait ticket</item>
/// <item>objects: the cells of every object whose module lays them out (<see cref="Objects.ObjectModule.CellCount"/>), in id order</item>
/// <item>descriptor tables: one per process, when the program declares a socket (see <see cref="Objects.Descriptors.DescriptorTable"/>)</item>
/// <item>threads: pc, status, wait object, wait ticket, fault message id, then the locals</item>
/// <item>the clock, when some object uses it (<see cref="Objects.ObjectModule.UsesClock"/>): [0] the
/// steps of the run as timeouts count them, then per thread the step its timed wait gives up at (0 = none)</item>
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

    private readonly int[] _processOf;
    private readonly int[] _objectBase;

    public StateLayout(CompiledProgram program)
    {
        _objectBase = new int[program.Objects.Count];
        var cells = HeaderSize;
        foreach (var o in program.Objects)
        {
            _objectBase[o.Id] = cells;
            cells += Objects.ObjectModules.Of(o.Kind).CellCount(program, o);
        }

        _processOf = program.Threads.Select(t => t.Process).ToArray();
        DescriptorBase = cells;
        var hasSockets = program.Objects.Any(o => o.Kind is ObjectKind.StreamSocket or ObjectKind.DatagramSocket);
        DescriptorTableSize = hasSockets ? Objects.Descriptors.DescriptorTable.Size : 0;
        ThreadBase = DescriptorBase + (program.Processes.Count * DescriptorTableSize);
        MaxLocals = program.Threads.Count == 0 ? 0 : program.Threads.Max(t => t.Locals.Count);
        ThreadStride = ThreadHeaderSize + MaxLocals;
        ThreadCount = program.Threads.Count;
        Size = ThreadBase + (ThreadStride * ThreadCount);
        ClockIndex = -1;
        if (program.Objects.Any(o => Objects.ObjectModules.Of(o.Kind).UsesClock))
        {
            ClockIndex = Size;
            Size += 1 + ThreadCount;
        }
    }

    /// <summary>True when the run has a clock: some object has timed waits or tidies at every tick.</summary>
    public bool HasClock => ClockIndex >= 0;

    /// <summary>Where the clock is, or -1 when the run has none.</summary>
    public int ClockIndex { get; }

    /// <summary>Where the descriptor tables start, after the objects.</summary>
    public int DescriptorBase { get; }

    /// <summary>Cells of one process's descriptor table: 0 when the program has no socket.</summary>
    public int DescriptorTableSize { get; }

    public int ThreadBase { get; }

    public int ThreadStride { get; }

    public int ThreadCount { get; }

    public int MaxLocals { get; }

    public int Size { get; }

    /// <summary>Where an object's cells start in the objects region (see <see cref="Objects.ObjectModule.CellCount"/>).</summary>
    public int ObjectBase(int objectId) => _objectBase[objectId];

    /// <summary>The index just past the object's last cell: objects are laid out one after another, in id order.</summary>
    public int ObjectEnd(int objectId) => objectId + 1 < _objectBase.Length ? _objectBase[objectId + 1] : DescriptorBase;

    /// <summary>Where a segment's word 0 is (after its mapped-by cell; see <see cref="Objects.SharedMemory.SegmentCells"/>).</summary>
    public int SegmentWordBase(int segmentId) => _objectBase[segmentId] + Objects.SharedMemory.SegmentCells.Header;

    /// <summary>True when process <paramref name="process"/> maps the segment.</summary>
    public bool IsMapped(long[] data, int segmentId, int process) =>
        new Objects.SharedMemory.SegmentCells(data.AsSpan(_objectBase[segmentId], Objects.SharedMemory.SegmentCells.Header)).Maps(process);

    public int ProcessOf(int thread) => _processOf[thread];

    /// <summary>Where the step a thread's timed wait gives up at is kept (only when <see cref="HasClock"/>).</summary>
    public int DeadlineIndex(int thread) => ClockIndex + 1 + thread;

    public int DescriptorTableBase(int process) => DescriptorBase + (process * DescriptorTableSize);

    public int ThreadField(int thread, int field) => ThreadBase + (thread * ThreadStride) + field;

    public int LocalBase(int thread) => ThreadBase + (thread * ThreadStride) + ThreadHeaderSize;
}
