namespace IpcLab.Core.Objects.Exchange;

/// <summary>An exchange's cells: messages it routed to at least one queue, messages no binding matched, and which bindings (bit i for binding i) matched the last message it routed.</summary>
internal readonly ref struct ExchangeCells(Span<long> cells)
{
    public const int Size = 3;

    private readonly Span<long> _cells = cells;

    public long Routed { get => _cells[0]; set => _cells[0] = value; }

    public long Unroutable { get => _cells[1]; set => _cells[1] = value; }

    public long LastMatches { get => _cells[2]; set => _cells[2] = value; }
}
