using IpcLab.Core.Model;

namespace IpcLab.Core.Runtime;

/// <summary>
/// The message queues' and groups' part of the state array, after the threads. In order:
/// <list type="bullet">
/// <item>the clock: steps of the run so far (timeouts count in it; it jumps ahead when only timed waits are left)</item>
/// <item>per thread: timeout deadline (0 = none), the message queue a blocked send waits on (+1; 0 = none), that message's value and priority</item>
/// <item>per message queue: count, then <c>capacity</c> (value, priority) pairs kept in delivery order:
/// higher priority first, FIFO within a priority; free pairs hold zeros</item>
/// <item>per group: the round-robin cursor (last member chosen + 1; 0 = none yet), messages dropped so far, then per
/// thread: member flag, inbox count, <c>capacity</c> inbox values (oldest first; free slots hold zeros)</item>
/// </list>
/// Every region is kept in one canonical form (sorted, shifted, zeroed), so equal contents mean equal arrays.
/// </summary>
public sealed class MessagingLayout
{
    public const int DeadlineField = 0;
    public const int PendingQueueField = 1;
    public const int PendingValueField = 2;
    public const int PendingPriorityField = 3;
    public const int ThreadFields = 4;

    public const int GroupCursorField = 0;
    public const int GroupDroppedField = 1;
    public const int GroupHeaderSize = 2;

    private readonly int[] _mqBase;
    private readonly int[] _groupBase;
    private readonly int[] _groupStride;

    public MessagingLayout(CompiledProgram program, int start)
    {
        Start = start;
        ClockIndex = start;
        ThreadCount = program.Threads.Count;
        var at = start + 1 + (ThreadFields * ThreadCount);
        var queues = program.ObjectsOf(ObjectKind.MessageQueue).OrderBy(q => q.Slot).ToArray();
        _mqBase = new int[queues.Length];
        foreach (var q in queues)
        {
            _mqBase[q.Slot] = at;
            at += 1 + (2 * q.Capacity);
        }

        var groups = program.ObjectsOf(ObjectKind.Group).OrderBy(g => g.Slot).ToArray();
        _groupBase = new int[groups.Length];
        _groupStride = new int[groups.Length];
        foreach (var g in groups)
        {
            _groupBase[g.Slot] = at;
            _groupStride[g.Slot] = 2 + g.Capacity;
            at += GroupHeaderSize + (_groupStride[g.Slot] * ThreadCount);
        }

        Size = at - start;
    }

    public int Start { get; }

    public int Size { get; }

    public int ClockIndex { get; }

    public int ThreadCount { get; }

    public int ThreadField(int thread, int field) => Start + 1 + (thread * ThreadFields) + field;

    /// <summary>A message queue's count; its i-th message is at +1+2i (value) and +2+2i (priority).</summary>
    public int MessageQueueBase(int slot) => _mqBase[slot];

    public int GroupBase(int slot) => _groupBase[slot];

    /// <summary>A member's flag; +1 is its inbox count, +2+i its i-th message (oldest first).</summary>
    public int MemberBase(int slot, int thread) => _groupBase[slot] + GroupHeaderSize + (thread * _groupStride[slot]);
}
