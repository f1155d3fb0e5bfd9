using IpcLab.Core.Script;

namespace IpcLab.Core.Model;

/// <summary>A declared shared object.</summary>
/// <param name="Id">Index in <see cref="CompiledProgram.Objects"/>.</param>
/// <param name="Slot">Index among the objects of the same kind (the kernel's per-kind arrays).</param>
/// <param name="Process">The owning process, or -1 when declared at top level (visible to all).</param>
/// <param name="Capacity">A queue's capacity (a message queue's, a group member's inbox); 0 for other kinds.</param>
/// <param name="Initial">A semaphore's initial count, a shared variable's initial value, or a group's settings (see <see cref="Objects.Group.GroupSettings"/>).</param>
/// <param name="ValueKind">A shared variable's type, or a queue's element type.</param>
public sealed record ObjectInfo(
    int Id,
    string Name,
    ObjectKind Kind,
    int Slot,
    int Process,
    SourcePos Pos,
    int Capacity,
    long Initial,
    ValueKind ValueKind)
{
    /// <summary>
    /// The shared-memory segment (an object id) a mutex, condition variable or semaphore lives in,
    /// or -1. Only processes that map the segment can use it, and a mutex in a segment is robust:
    /// when its owner dies, the next locker takes it over and is told.
    /// </summary>
    public int Segment { get; init; } = -1;
    /// <summary>A socket's path and sizes; null for other kinds.</summary>
    public SocketSpec? Socket { get; init; }

    /// <summary>An exchange's routing table, or a broker queue's own bindings before they are gathered; empty for other kinds.</summary>
    public IReadOnlyList<Objects.Exchange.Binding> Bindings { get; init; } = [];

    /// <summary>A broker queue's dead-letter exchange and key, or null.</summary>
    public Objects.Broker.DeadLetterTarget? DeadLetter { get; init; }

    /// <summary>A broker queue's delivery limit: a message returned more times than this is dead-lettered (0: no limit).</summary>
    public int DeliveryLimit { get; init; }

    /// <summary>A broker queue's maximum priority (RabbitMQ's x-max-priority), or 0 when it ignores priorities.</summary>
    public int MaxPriority { get; init; }

    /// <summary>An exchange's alternate exchange, for the messages none of its bindings match, or null.</summary>
    public Objects.Exchange.AlternateTarget? Alternate { get; init; }

    /// <summary>The kind in words ("semaphore", "message queue"), from its module.</summary>
    public string KindWord => Objects.ObjectModules.Of(Kind).KindWord;
}
