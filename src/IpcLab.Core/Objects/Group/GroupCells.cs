namespace IpcLab.Core.Objects.Group;

/// <summary>
/// A group's cells: [0] the anycast cursor (the member the last anycast chose + 1; 0 = none yet),
/// [1] the messages it has dropped so far, then per thread: [0] 1 while it is a member, and its
/// inbox, a <see cref="Ring"/> of <c>capacity</c> slots. Every thread has an inbox, member or not:
/// a broadcast reaches threads that never joined, and what is in an inbox stays after its thread
/// leaves or ends.
/// </summary>
internal readonly ref struct GroupCells(Span<long> cells, int capacity)
{
    public const int Header = 2;

    private readonly Span<long> _cells = cells;

    private static int Stride(int capacity) => 1 + Ring.CellsFor(capacity);

    /// <summary>Cells for a group whose inboxes hold <paramref name="capacity"/> messages, in a program of <paramref name="threads"/> threads.</summary>
    public static int CellsFor(int capacity, int threads) => Header + (Stride(capacity) * threads);

    public ref long Cursor => ref _cells[0];

    public ref long Dropped => ref _cells[1];

    /// <summary>The member flag of a thread as stored (0 or 1 in a well-formed group).</summary>
    public long MemberFlag(int thread) => _cells[Header + (Stride(capacity) * thread)];

    public bool IsMember(int thread) => MemberFlag(thread) != 0;

    public void SetMember(int thread, bool member) => _cells[Header + (Stride(capacity) * thread)] = member ? 1 : 0;

    /// <summary>A thread's inbox in the group, oldest first.</summary>
    public Ring Inbox(int thread) => new(_cells.Slice(Header + (Stride(capacity) * thread) + 1, Ring.CellsFor(capacity)));
}
