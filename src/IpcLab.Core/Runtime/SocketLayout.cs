using IpcLab.Core.Model;

namespace IpcLab.Core.Runtime;

/// <summary>
/// Where the sockets live in the state array (a part of <see cref="StateLayout"/>), in order:
/// <list type="bullet">
/// <item>descriptor tables: per process, <see cref="MaxDescriptors"/> entries of
/// [kind, socket slot, connection * 2 + side] (see <see cref="DescriptorKind"/>); descriptor
/// number <c>FirstFd + i</c> is entry i, and a new descriptor takes the lowest free entry, as in POSIX</item>
/// <item>stream sockets: [listening, connections made so far], then per connection slot:
/// [state, backlog order, end open x2, write side shut x2], then two byte rings (direction d is
/// written by side d: 0 = the connecting client, 1 = the accepting server), each
/// [bytes read so far, bytes written so far, <c>buffer</c> cells]</item>
/// <item>datagram sockets: [bound, messages taken, messages queued, <c>capacity</c> cells]</item>
/// </list>
/// Every size comes from the declarations, so the state stays one fixed-size array.
/// </summary>
public sealed class SocketLayout
{
    /// <summary>Descriptors each process can have open at once (EMFILE beyond that).</summary>
    public const int MaxDescriptors = 8;

    /// <summary>The first descriptor number handed out: 0, 1 and 2 are stdin, stdout and stderr in a real process.</summary>
    public const int FirstFd = 3;

    public const int DescriptorSize = 3;

    public const int StreamHeader = 2;

    /// <summary>Connection fields: state, order, open[2], shut[2].</summary>
    public const int ConnHeader = 6;

    public const int DgramHeader = 3;

    private readonly int[] _streamBase;
    private readonly int[] _dgramBase;

    public SocketLayout(CompiledProgram program, int start)
    {
        DescriptorBase = start;
        Processes = program.Processes.Count;
        DescriptorEnd = start + (Processes * MaxDescriptors * DescriptorSize);
        var at = DescriptorEnd;
        var streams = program.ObjectsOf(ObjectKind.StreamSocket).OrderBy(s => s.Slot).ToArray();
        _streamBase = new int[streams.Length];
        Streams = streams;
        foreach (var s in streams)
        {
            _streamBase[s.Slot] = at;
            at += StreamHeader + (s.Socket!.Connections * ConnSize(s.Socket.Buffer));
        }

        var dgrams = program.ObjectsOf(ObjectKind.DatagramSocket).OrderBy(s => s.Slot).ToArray();
        _dgramBase = new int[dgrams.Length];
        Datagrams = dgrams;
        foreach (var d in dgrams)
        {
            _dgramBase[d.Slot] = at;
            at += DgramHeader + d.Socket!.Buffer;
        }

        End = at;
    }

    public int DescriptorBase { get; }

    /// <summary>Where the descriptor tables end and the stream sockets begin.</summary>
    public int DescriptorEnd { get; }

    public int Processes { get; }

    public int End { get; }

    public IReadOnlyList<ObjectInfo> Streams { get; }

    public IReadOnlyList<ObjectInfo> Datagrams { get; }

    public static int ConnSize(int buffer) => ConnHeader + (2 * (2 + buffer));

    /// <summary>Index of descriptor entry i (fd = FirstFd + i) of a process.</summary>
    public int Descriptor(int process, int entry) => DescriptorBase + (((process * MaxDescriptors) + entry) * DescriptorSize);

    public int StreamBase(int slot) => _streamBase[slot];

    public int ConnBase(int slot, int conn) =>
        _streamBase[slot] + StreamHeader + (conn * ConnSize(Streams[slot].Socket!.Buffer));

    /// <summary>The ring of direction d (written by side d) of a connection: [read count, written count, cells].</summary>
    public int RingBase(int slot, int conn, int direction) =>
        ConnBase(slot, conn) + ConnHeader + (direction * (2 + Streams[slot].Socket!.Buffer));

    public int DgramBase(int slot) => _dgramBase[slot];
}
