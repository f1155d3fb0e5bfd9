namespace IpcLab.Core.Objects.Exchange;

/// <summary>
/// An exchange's cells: messages it routed to at least one queue, messages no binding matched,
/// which bindings (bit i for binding i) matched the last message it routed, and whether a broker
/// restart lost it (a transient exchange: see <see cref="Broker.TransientTopology"/>).
/// </summary>
internal readonly ref struct ExchangeCells(Span<long> cells)
{
    public const int Size = 4;

    private readonly Span<long> _cells = cells;

    public long Routed { get => _cells[0]; set => _cells[0] = value; }

    public long Unroutable { get => _cells[1]; set => _cells[1] = value; }

    public long LastMatches { get => _cells[2]; set => _cells[2] = value; }

    /// <summary>True once a restart lost the exchange: it was not durable, and nothing declares it again.</summary>
    public bool IsGone { get => _cells[3] != 0; set => _cells[3] = value ? 1 : 0; }

    /// <summary>The cell behind <see cref="IsGone"/> as stored: 0 or 1.</summary>
    public long GoneCell => _cells[3];
}
