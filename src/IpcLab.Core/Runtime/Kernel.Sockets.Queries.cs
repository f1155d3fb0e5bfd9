using System.Text;
using IpcLab.Core.Model;

namespace IpcLab.Core.Runtime;

// Read-only questions about sockets and descriptors, for views, tests and deadlock reports.
public sealed partial class Kernel
{
    /// <summary>The process and descriptor that listen on a stream socket (by object id), or (-1, -1).</summary>
    public (int Process, int Fd) StreamListener(int socketId) => FindDescriptor(DescriptorKind.Listener, SlotOf(socketId), 0);

    /// <summary>The connections of a stream socket (by object id) that are in use, pending ones in backlog order first.</summary>
    public IReadOnlyList<ConnectionInfo> StreamConnections(int socketId)
    {
        var s = SlotOf(socketId);
        var spec = Sk.Streams[s].Socket!;
        var list = new List<ConnectionInfo>();
        for (var k = 0; k < spec.Connections; k++)
        {
            var cb = Sk.ConnBase(s, k);
            if (_data[cb] == (long)ConnState.Free)
            {
                continue;
            }

            list.Add(new ConnectionInfo(k, (ConnState)_data[cb], _data[cb + OrderField], End(s, k, 0), End(s, k, 1), RingText(s, k, 0), RingText(s, k, 1)));
        }

        return list.OrderBy(c => c.State == ConnState.Pending ? 0 : 1).ThenBy(c => c.Order).ThenBy(c => c.Slot).ToArray();
    }

    /// <summary>The process and descriptor bound to receive on a datagram socket (by object id), or (-1, -1).</summary>
    public (int Process, int Fd) DatagramReceiver(int socketId) => FindDescriptor(DescriptorKind.DatagramReceiver, SlotOf(socketId), 0);

    /// <summary>The messages queued on a datagram socket (by object id), oldest first.</summary>
    public IReadOnlyList<string> DatagramMessages(int socketId)
    {
        var d = SlotOf(socketId);
        var db = Sk.DgramBase(d);
        var capacity = Sk.Datagrams[d].Socket!.Buffer;
        var list = new List<string>();
        for (var i = _data[db + 1]; i < _data[db + 2]; i++)
        {
            list.Add(Strings[_data[db + SocketLayout.DgramHeader + (int)(i % capacity)]]);
        }

        return list;
    }

    /// <summary>The open descriptors of a process: number, what it is, and the socket object it refers to.</summary>
    public IReadOnlyList<(int Fd, DescriptorKind Kind, int Socket)> DescriptorsOf(int process)
    {
        var list = new List<(int, DescriptorKind, int)>();
        for (var i = 0; i < SocketLayout.MaxDescriptors; i++)
        {
            var at = Sk.Descriptor(process, i);
            if (_data[at] != (long)DescriptorKind.Free)
            {
                list.Add((SocketLayout.FirstFd + i, (DescriptorKind)_data[at], ObjectOfDescriptor(at)));
            }
        }

        return list;
    }

    /// <summary>What a thread blocked on a socket waits for: "waits in recv on fd 4 for data from fd 3 of process client".</summary>
    private string DescribeSocketWait(int t)
    {
        var instr = _code[t][PcOf(t)];
        var obj = WaitObjectOf(t);
        switch (instr.Op)
        {
            case OpCode.Connect:
                var spec = Program.Objects[obj].Socket!;
                return $"waits in connect to {spec.Path}: its backlog is full ({PendingCount(SlotOf(obj))} of {spec.Backlog}) until a connection is accepted";
            case OpCode.SendTo:
                var (rp, rfd) = DatagramReceiver(obj);
                return $"waits in sendto {PathOf(obj)}: its queue is full until fd {rfd} of process {ProcessName(rp)} receives";
            case OpCode.Select:
                var fds = new List<long>();
                foreach (var arg in instr.Args)
                {
                    var fd = Eval(t, arg);
                    if (fd >= 0)
                    {
                        fds.Add(fd);
                    }
                }

                return $"waits in {SelectWord(instr)} for {FdList(fds)} to become readable";
        }

        var descriptor = Eval(t, instr.E1!);
        var at = DescriptorIndex(ProcessOfThread(t), descriptor);
        var what = instr.Op.ToString().ToLowerInvariant();
        if (instr.Op == OpCode.Accept)
        {
            return $"waits in accept on fd {descriptor} for a connection to {PathOf(obj)}";
        }

        if ((DescriptorKind)_data[at] == DescriptorKind.DatagramReceiver)
        {
            return $"waits in recv on fd {descriptor} for a datagram on {PathOf(obj)}";
        }

        var (s, conn, side) = Connection(at);
        var (p, fd2) = FindDescriptor(DescriptorKind.Connection, s, (conn * 2) + 1 - side);
        var peer = p >= 0
            ? $"fd {fd2} of process {ProcessName(p)}{(IsProcessAlive(p) ? "" : ", whose threads have all stopped")}"
            : "a server end still waiting in the backlog to be accepted";
        return instr.Op == OpCode.Send
            ? $"waits in send on fd {descriptor}: the buffer is full until its peer ({peer}) reads"
            : $"waits in {what} on fd {descriptor} for data from its peer ({peer})";
    }

    private string RingText(int s, int conn, int direction)
    {
        var rb = Sk.RingBase(s, conn, direction);
        var capacity = Sk.Streams[s].Socket!.Buffer;
        var sb = new StringBuilder();
        for (var i = _data[rb]; i < _data[rb + 1]; i++)
        {
            sb.Append((char)_data[rb + 2 + (int)(i % capacity)]);
        }

        return sb.ToString();
    }

    private EndInfo End(int s, int conn, int side)
    {
        var cb = Sk.ConnBase(s, conn);
        var (p, fd) = FindDescriptor(DescriptorKind.Connection, s, (conn * 2) + side);
        return new EndInfo(p, fd, _data[cb + OpenField + side] == 1, _data[cb + ShutField + side] == 1);
    }
}
