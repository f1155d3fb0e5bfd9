using System.Text;
using IpcLab.Core.Model;

namespace IpcLab.Core.Runtime;

// Stream sockets: send, recv, shutdown. A connection has two directions; direction d is a ring
// of bytes written by side d (0 = the client, 1 = the server) and read by the other side.
public sealed partial class Kernel
{
    private const int OrderField = 1;
    private const int OpenField = 2;
    private const int ShutField = 4;

    private void DoSend(int t, int pc, Instr instr)
    {
        var fd = Eval(t, instr.E1!);
        var at = ResolveDescriptor(t, fd, "send");
        if ((DescriptorKind)_data[at] != DescriptorKind.Connection)
        {
            throw new ThreadFaultException($"send on fd {fd}: it is not a connected socket ({KindText((DescriptorKind)_data[at])})");
        }

        var (s, conn, side) = Connection(at);
        var cb = Sk.ConnBase(s, conn);
        var locals = Layout.LocalBase(t);
        if (_data[cb + ShutField + side] != 0)
        {
            _data[locals + instr.C] = 0;
            throw new ThreadFaultException($"send on fd {fd} after shutdown: its writing side is closed");
        }

        if (_data[cb + OpenField + 1 - side] == 0)
        {
            _data[locals + instr.C] = 0;
            throw new ThreadFaultException($"send on fd {fd}: the peer has closed (broken pipe)");
        }

        // The text is evaluated once, at the first attempt; a resumed send carries on with it.
        if (_data[locals + instr.C] == 0)
        {
            _data[locals + instr.B] = Eval(t, instr.E2!);
            _data[locals + instr.C] = 1;
        }

        var text = Strings[_data[locals + instr.B]];
        var done = (int)_data[locals + instr.C] - 1;
        var rb = Sk.RingBase(s, conn, side);
        var capacity = Sk.Streams[s].Socket!.Buffer;
        var room = capacity - (int)(_data[rb + 1] - _data[rb]);
        var n = Math.Min(room, text.Length - done);
        for (var i = 0; i < n; i++)
        {
            _data[rb + 2 + (int)(_data[rb + 1] % capacity)] = text[done + i];
            _data[rb + 1]++;
        }

        var obj = IdOf(ObjectKind.StreamSocket, s);
        var chunk = text.Substring(done, n);
        var total = done + n;
        if (total == text.Length)
        {
            _data[locals + instr.C] = 0;
            EmitSocket(EventKind.SocketSent, t, pc, obj, () => done == 0
                ? $"sends \"{chunk}\" on fd {fd} ({n} byte{Plural(n)}; {capacity - room + n} of {capacity} now in the buffer)"
                : $"sends the rest, \"{chunk}\", on fd {fd}: all {text.Length} bytes of \"{text}\" are sent");
            MoveTo(t, instr.Next);
        }
        else
        {
            _data[locals + instr.C] = total + 1;
            JoinWaitQueue(t, obj, ThreadStatus.Blocked);
            EmitSocket(EventKind.SocketBlocked, t, pc, obj, () => n == 0
                ? $"blocks in send on fd {fd}: the buffer is full ({capacity} of {capacity} bytes), {text.Length - total} byte{Plural(text.Length - total)} of \"{text}\" still to send"
                : $"sends \"{chunk}\" on fd {fd} ({total} of {text.Length} bytes) and blocks: the buffer is full, the rest waits until the reader makes room");
        }

        if (n > 0)
        {
            WakeSocketWaiters();
        }
    }

    private void DoRecv(int t, int pc, Instr instr)
    {
        var fd = Eval(t, instr.E1!);
        var at = ResolveDescriptor(t, fd, "recv");
        var max = instr.E2 is null ? long.MaxValue : Eval(t, instr.E2);
        if (max < 1)
        {
            throw new ThreadFaultException($"recv on fd {fd} of {max} bytes: the count must be 1 or more");
        }

        switch ((DescriptorKind)_data[at])
        {
            case DescriptorKind.Connection:
                RecvStream(t, pc, instr, fd, at, max);
                break;
            case DescriptorKind.DatagramReceiver:
                RecvDatagram(t, pc, instr, fd, at, max);
                break;
            default:
                throw new ThreadFaultException($"recv on fd {fd}: it is a listening socket, which has no data (accept takes connections from it)");
        }
    }

    private void RecvStream(int t, int pc, Instr instr, long fd, int at, long max)
    {
        var (s, conn, side) = Connection(at);
        var cb = Sk.ConnBase(s, conn);
        var rb = Sk.RingBase(s, conn, 1 - side);
        var capacity = Sk.Streams[s].Socket!.Buffer;
        var waiting = (int)(_data[rb + 1] - _data[rb]);
        var obj = IdOf(ObjectKind.StreamSocket, s);
        var local = Layout.LocalBase(t) + instr.B;
        if (waiting == 0)
        {
            if (_data[cb + ShutField + 1 - side] != 0)
            {
                _data[local] = Strings.Intern("");
                EmitSocket(EventKind.SocketEndOfFile, t, pc, obj, () => $"gets end-of-file on fd {fd}: the peer {(_data[cb + OpenField + 1 - side] == 0 ? "has closed" : "has shut down writing")} and everything it sent has been read (recv gives \"\")");
                MoveTo(t, instr.Next);
                return;
            }

            JoinWaitQueue(t, obj, ThreadStatus.Blocked);
            EmitSocket(EventKind.SocketBlocked, t, pc, obj, () => $"blocks in recv on fd {fd}: nothing to read yet");
            return;
        }

        var n = (int)Math.Min(max, waiting);
        var sb = new StringBuilder(n);
        for (var i = 0; i < n; i++)
        {
            var cell = rb + 2 + (int)(_data[rb] % capacity);
            sb.Append((char)_data[cell]);
            _data[cell] = 0;
            _data[rb]++;
        }

        var text = sb.ToString();
        _data[local] = Strings.Intern(text);
        EmitSocket(EventKind.SocketReceived, t, pc, obj, () => n == waiting
            ? $"gets \"{text}\" on fd {fd} (all {n} byte{Plural(n)} waiting)"
            : $"gets \"{text}\" on fd {fd} ({n} of {waiting} bytes waiting; the rest stays in the buffer)");
        MoveTo(t, instr.Next);
        WakeSocketWaiters();
    }

    private void DoShutdown(int t, int pc, Instr instr)
    {
        var fd = Eval(t, instr.E1!);
        var at = ResolveDescriptor(t, fd, "shutdown");
        if ((DescriptorKind)_data[at] != DescriptorKind.Connection)
        {
            throw new ThreadFaultException($"shutdown on fd {fd}: it is not a connected socket ({KindText((DescriptorKind)_data[at])})");
        }

        var (s, conn, side) = Connection(at);
        var cb = Sk.ConnBase(s, conn);
        _data[cb + ShutField + side] = 1;
        var rb = Sk.RingBase(s, conn, side);
        var left = _data[rb + 1] - _data[rb];
        EmitSocket(EventKind.SocketShutdown, t, pc, IdOf(ObjectKind.StreamSocket, s), () => left == 0
            ? $"shuts down writing on fd {fd}: the peer reads end-of-file next"
            : $"shuts down writing on fd {fd}: the peer reads end-of-file after the {left} byte{Plural(left)} still in the buffer");
        MoveTo(t, instr.Next);
        WakeSocketWaiters();
    }

    /// <summary>The stream slot, connection and side (0 client, 1 server) a connection descriptor refers to.</summary>
    private (int Slot, int Conn, int Side) Connection(int at) =>
        ((int)_data[at + 1], (int)(_data[at + 2] / 2), (int)(_data[at + 2] % 2));

    private static string KindText(DescriptorKind kind) => kind switch
    {
        DescriptorKind.Listener => "it is a listening socket",
        DescriptorKind.DatagramReceiver => "it is a datagram socket",
        _ => "it is a connection",
    };

    private static string Plural(long n) => n == 1 ? "" : "s";
}
