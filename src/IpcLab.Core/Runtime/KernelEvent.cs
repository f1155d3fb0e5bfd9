using IpcLab.Core.Model;
using IpcLab.Core.Script;

namespace IpcLab.Core.Runtime;

/// <summary>
/// One thing that happened in a step. Plain data, cheap to record; the sentence is made on demand
/// by <see cref="EventText.Describe"/> from these fields, and the JSON trace writes them by name.
/// </summary>
/// <param name="Step">The 1-based step that produced it (the last step for end-of-run events).</param>
/// <param name="Thread">The acting thread, or -1 for the kernel itself.</param>
/// <param name="Pc">The acting thread's instruction, or -1.</param>
/// <param name="Object">The object involved (an <see cref="Model.ObjectInfo.Id"/>), or -1.</param>
/// <param name="Other">Another thread involved (woken, handed to, holder), a local slot, or -1.</param>
/// <param name="Value">A payload: a value, a count, or a string id (see <see cref="EventKind"/>).</param>
public readonly record struct KernelEvent(
    int Step,
    EventKind Kind,
    int Thread,
    int Pc,
    int Object,
    int Other,
    long Value)
{
    // An event is recorded at almost every step, so it holds nothing that can be derived (its source
    // position comes from the thread and pc: PosIn) and the socket fields are kept narrow (a
    // descriptor fits 16 bits, a count of bytes, messages or connections 32): 48 bytes a record.
    private readonly short _fd;
    private readonly short _peerFd;
    private readonly int _count;

    /// <summary>A socket event's descriptor: the one the step used, or the one it handed out (listen, connect, accept, bind); -1 for none.</summary>
    public int Fd { get => _fd; init => _fd = checked((short)value); }

    /// <summary>The process whose descriptor <see cref="Fd"/> is; -1 for none.</summary>
    public int Process { get; init; }

    /// <summary>The descriptor at the other end of a connection, or -1 (closed, or a server end still in the backlog); a closed client end whose connection was never accepted says -2.</summary>
    public int PeerFd { get => _peerFd; init => _peerFd = checked((short)value); }

    /// <summary>The process holding <see cref="PeerFd"/>, or -1.</summary>
    public int PeerProcess { get; init; }

    /// <summary>
    /// A broker message event's message: its publish number in its broker (from 1; 0 for none), so
    /// two messages with the same body are told apart. Kept in <see cref="Process"/>, which broker
    /// events do not otherwise use, so the record keeps its size.
    /// </summary>
    public long Message { get => Process; init => Process = checked((int)value); }

    /// <summary>A socket event's number of bytes, messages or connections (which one, the kind says).</summary>
    public long Count { get => _count; init => _count = checked((int)value); }

    /// <summary>Where in the script the acting thread's instruction is; default for the kernel's own events.</summary>
    public SourcePos PosIn(CompiledProgram program) => Thread >= 0 && Pc >= 0 ? program.Threads[Thread].Code[Pc].Pos : default;
}
