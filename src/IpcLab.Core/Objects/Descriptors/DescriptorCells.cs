namespace IpcLab.Core.Objects.Descriptors;

/// <summary>
/// One entry of a descriptor table: [0] what it refers to (<see cref="DescriptorKind"/>), [1] the
/// socket's object id, [2] for a connection end, connection * 2 + side (side 0 the connecting
/// client, 1 the accepting server), else 0. A free entry is all zeros.
/// </summary>
internal readonly ref struct DescriptorCells(Span<long> cells)
{
    public const int Size = 3;

    private readonly Span<long> _cells = cells;

    public DescriptorKind Kind => (DescriptorKind)_cells[0];

    public bool IsFree => _cells[0] == (long)DescriptorKind.Free;

    /// <summary>The socket it refers to (an object id).</summary>
    public int Socket => (int)_cells[1];

    /// <summary>Which end of which connection: connection * 2 + side.</summary>
    public int Reference => (int)_cells[2];

    public int Connection => Reference / 2;

    public int Side => Reference % 2;

    /// <summary>True when the entry refers to exactly this (kind, socket, reference).</summary>
    public bool Is(DescriptorKind kind, int socket, int reference) =>
        _cells[0] == (long)kind && _cells[1] == socket && _cells[2] == reference;

    /// <summary>True when a free entry holds nothing else (an invariant).</summary>
    public bool IsCleared => !_cells.ContainsAnyExcept(0L);

    public void Set(DescriptorKind kind, int socket, int reference)
    {
        _cells[0] = (long)kind;
        _cells[1] = socket;
        _cells[2] = reference;
    }

    public void Clear() => _cells.Clear();
}
