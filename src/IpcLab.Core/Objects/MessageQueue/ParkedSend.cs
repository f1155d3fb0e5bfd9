namespace IpcLab.Core.Objects.MessageQueue;

/// <summary>
/// One thread's parked send in a message queue: [0] 1 while the thread waits to send into the
/// queue, [1] the message, [2] its priority; all zeros otherwise. The receiver that makes room
/// moves the message in, so a blocked sender never runs its send again.
/// </summary>
internal readonly ref struct ParkedSend(Span<long> cells)
{
    public const int Size = 3;

    private readonly Span<long> _cells = cells;

    public bool IsParked => _cells[0] != 0;

    public long Value => _cells[1];

    public long Priority => _cells[2];

    public void Park(long value, long priority)
    {
        _cells[0] = 1;
        _cells[1] = value;
        _cells[2] = priority;
    }

    public void Clear() => _cells.Clear();

    /// <summary>True when the flag is 0 or 1 and a send that is not parked leaves zeros.</summary>
    public bool IsWellFormed(int maxPriority) => _cells[0] switch
    {
        0 => _cells[1] == 0 && _cells[2] == 0,
        1 => _cells[2] >= 0 && _cells[2] <= maxPriority,
        _ => false,
    };
}
