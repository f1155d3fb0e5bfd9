namespace IpcLab.Core.Objects.DatagramSocket;

/// <summary>A datagram socket's cells: [0] bound (0 or 1), then a <see cref="Ring"/> of its queued messages (string ids).</summary>
internal readonly ref struct DatagramCells(Span<long> cells)
{
    public const int Header = 1;

    private readonly Span<long> _cells = cells;

    public static int CellsFor(int capacity) => Header + Ring.CellsFor(capacity);

    public ref long Bound => ref _cells[0];

    public Ring Queue => new(_cells[Header..]);
}
