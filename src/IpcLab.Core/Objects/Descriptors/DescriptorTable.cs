namespace IpcLab.Core.Objects.Descriptors;

/// <summary>
/// A process's descriptor table: <see cref="MaxDescriptors"/> entries (see <see cref="DescriptorCells"/>).
/// Descriptor number <c>FirstFd + i</c> is entry i, and a new descriptor takes the lowest free
/// entry, as in POSIX. A program without sockets has no table: every number is then not open.
/// </summary>
internal readonly ref struct DescriptorTable(Span<long> cells)
{
    /// <summary>Descriptors each process can have open at once (EMFILE beyond that).</summary>
    public const int MaxDescriptors = 8;

    /// <summary>The first descriptor number handed out: 0, 1 and 2 are stdin, stdout and stderr in a real process.</summary>
    public const int FirstFd = 3;

    /// <summary>Cells of one process's table.</summary>
    public const int Size = MaxDescriptors * DescriptorCells.Size;

    private readonly Span<long> _cells = cells;

    /// <summary>One past the highest descriptor number of the table (<see cref="FirstFd"/> when there is no table).</summary>
    public int EndFd => FirstFd + (_cells.Length / DescriptorCells.Size);

    /// <summary>The entry of descriptor number <paramref name="fd"/>, open or free.</summary>
    public DescriptorCells this[long fd] =>
        new(_cells.Slice((int)(fd - FirstFd) * DescriptorCells.Size, DescriptorCells.Size));

    public bool IsOpen(long fd) => fd >= FirstFd && fd < EndFd && !this[fd].IsFree;

    /// <summary>The lowest free descriptor number, or -1 when all are in use.</summary>
    public int LowestFree()
    {
        for (var fd = FirstFd; fd < EndFd; fd++)
        {
            if (this[fd].IsFree)
            {
                return fd;
            }
        }

        return -1;
    }
}
