using IpcLab.Core.Model;

namespace IpcLab.Core.Runtime;

// Closing descriptors (close, a process that ends or crashes) and waking blocked socket threads.
public sealed partial class Kernel
{
    private void DoClose(int t, int pc, Instr instr)
    {
        var fd = Eval(t, instr.E1!);
        var at = ResolveDescriptor(t, fd, "close");
        var obj = ObjectOfDescriptor(at);
        var what = CloseDescriptor(at);
        EmitSocket(EventKind.SocketClosed, t, pc, obj, () => $"closes fd {fd}{what}");
        MoveTo(t, instr.Next);
        WakeSocketWaiters();
    }

    /// <summary>A crashed process's descriptors are closed as if it had called close on each (see Kernel.Processes.cs).</summary>
    partial void CloseSocketsOfProcess(int process) => CloseAllDescriptors(process, -1, -1, "crashed");

    /// <summary>When the last live thread of a process finishes, the process exits and the kernel closes its descriptors.</summary>
    partial void OnThreadFinished(int t)
    {
        var process = ProcessOfThread(t);
        if (!IsProcessAlive(process))
        {
            CloseAllDescriptors(process, -1, -1, $"exited ({ThreadName(t)}, its last thread, finished)");
        }
    }

    private void CloseAllDescriptors(int process, int actor, int pc, string how)
    {
        var closed = false;
        for (var i = 0; i < SocketLayout.MaxDescriptors; i++)
        {
            var at = Sk.Descriptor(process, i);
            if (_data[at] == (long)DescriptorKind.Free)
            {
                continue;
            }

            var obj = ObjectOfDescriptor(at);
            var what = CloseDescriptor(at);
            var fd = SocketLayout.FirstFd + i;
            EmitSocket(EventKind.SocketClosed, actor, pc, obj, () => $"process {ProcessName(process)} {how}: the kernel closes its fd {fd}{what}");
            closed = true;
        }

        if (closed)
        {
            WakeSocketWaiters();
        }
    }

    private int ObjectOfDescriptor(int at) => (DescriptorKind)_data[at] == DescriptorKind.DatagramReceiver
        ? IdOf(ObjectKind.DatagramSocket, (int)_data[at + 1])
        : IdOf(ObjectKind.StreamSocket, (int)_data[at + 1]);

    /// <summary>Frees a descriptor and closes what it refers to; returns the consequences in words (", the peer ...").</summary>
    private string CloseDescriptor(int at)
    {
        var kind = (DescriptorKind)_data[at];
        var slot = (int)_data[at + 1];
        var reference = (int)_data[at + 2];
        _data[at] = 0;
        _data[at + 1] = 0;
        _data[at + 2] = 0;
        switch (kind)
        {
            case DescriptorKind.Listener:
                _data[Sk.StreamBase(slot)] = 0;
                var dropped = 0;
                for (var k = 0; k < Sk.Streams[slot].Socket!.Connections; k++)
                {
                    if (_data[Sk.ConnBase(slot, k)] == (long)ConnState.Pending)
                    {
                        CloseEnd(slot, k, 1);
                        if (_data[Sk.ConnBase(slot, k)] != (long)ConnState.Free)
                        {
                            _data[Sk.ConnBase(slot, k)] = (long)ConnState.Dropped;
                            _data[Sk.ConnBase(slot, k) + OrderField] = 0;
                        }

                        dropped++;
                    }
                }

                var path = Sk.Streams[slot].Socket!.Path;
                return dropped == 0
                    ? $": stops listening on {path}"
                    : $": stops listening on {path}; {dropped} connection{Plural(dropped)} never accepted {(dropped == 1 ? "is" : "are")} closed (their clients read end-of-file)";
            case DescriptorKind.Connection:
                var (p, fd) = FindDescriptor(DescriptorKind.Connection, slot, reference ^ 1);
                var discarded = CloseEnd(slot, reference / 2, reference % 2);
                var lost = discarded == 0 ? "" : $" ({discarded} unread byte{Plural(discarded)} discarded)";
                return p < 0
                    ? $"; both ends of the connection are now closed{lost}"
                    : $": its peer, fd {fd} of process {ProcessName(p)}, reads end-of-file once the buffer is empty{lost}";
            default:
                var db = Sk.DgramBase(slot);
                var queued = _data[db + 2] - _data[db + 1];
                _data[db] = 0;
                ClearDatagrams(slot);
                var name = Sk.Datagrams[slot].Socket!.Path;
                return queued == 0
                    ? $": nobody receives on {name} any more"
                    : $": nobody receives on {name} any more ({queued} queued message{Plural(queued)} discarded)";
        }
    }

    /// <summary>Closes one end of a connection; returns how many unread bytes were discarded. Frees the slot when both ends are closed.</summary>
    private long CloseEnd(int s, int conn, int side)
    {
        var cb = Sk.ConnBase(s, conn);
        _data[cb + OpenField + side] = 0;
        _data[cb + ShutField + side] = 1;
        var incoming = Sk.RingBase(s, conn, 1 - side);
        var discarded = _data[incoming + 1] - _data[incoming];
        var capacity = Sk.Streams[s].Socket!.Buffer;
        for (var i = 0; i < capacity; i++)
        {
            _data[incoming + 2 + i] = 0;
        }

        _data[incoming] = _data[incoming + 1];
        if (_data[cb + OpenField + 1 - side] == 0)
        {
            Array.Clear(_data, cb, SocketLayout.ConnSize(capacity));
        }

        return discarded;
    }

    /// <summary>Wakes every thread blocked on a socket whose pending operation can now make progress; it retries that operation.</summary>
    private void WakeSocketWaiters()
    {
        for (var t = 0; t < Layout.ThreadCount; t++)
        {
            if (StatusOf(t) != ThreadStatus.Blocked || !IsSocketObject(WaitObjectOf(t)) || !CanProceed(t, out var why))
            {
                continue;
            }

            var obj = WaitObjectOf(t);
            Wake(t);
            EmitSocket(EventKind.SocketWoken, t, PcOf(t), obj, () => $"wakes up: {why}; it will try its {_code[t][PcOf(t)].Op.ToString().ToLowerInvariant()} again");
        }
    }

    private bool IsSocketObject(int obj) =>
        obj >= 0 && Program.Objects[obj].Kind is ObjectKind.StreamSocket or ObjectKind.DatagramSocket;

    /// <summary>Could the socket operation the thread is at make progress (or fault) if it ran now?</summary>
    private bool CanProceed(int t, out string why)
    {
        var instr = _code[t][PcOf(t)];
        try
        {
            return instr.Op switch
            {
                OpCode.Connect => ConnectCanProceed(SlotOf(instr.A), out why),
                OpCode.SendTo => SendToCanProceed(SlotOf(instr.A), out why),
                OpCode.Select => SelectCanProceed(t, instr, out why),
                _ => DescriptorCanProceed(t, instr.Op, Eval(t, instr.E1!), out why),
            };
        }
        catch (ThreadFaultException)
        {
            why = "its operand can no longer be evaluated";
            return true;
        }
    }

    private bool ConnectCanProceed(int s, out string why)
    {
        var spec = Sk.Streams[s].Socket!;
        why = _data[Sk.StreamBase(s)] == 0 ? $"nobody listens on {spec.Path} any more" : $"the backlog of {spec.Path} has room";
        return _data[Sk.StreamBase(s)] == 0 || PendingCount(s) < spec.Backlog;
    }

    private bool DescriptorCanProceed(int t, OpCode op, long fd, out string why)
    {
        var at = DescriptorIndex(ProcessOfThread(t), fd);
        if (at < 0 || _data[at] == (long)DescriptorKind.Free)
        {
            why = $"fd {fd} has been closed";
            return true;
        }

        if (op == OpCode.Send && (DescriptorKind)_data[at] == DescriptorKind.Connection)
        {
            var (s, conn, side) = Connection(at);
            var cb = Sk.ConnBase(s, conn);
            var rb = Sk.RingBase(s, conn, side);
            why = _data[cb + OpenField + 1 - side] == 0 ? $"the peer of fd {fd} has closed" : $"the buffer of fd {fd} has room";
            return _data[cb + OpenField + 1 - side] == 0 || _data[cb + ShutField + side] != 0
                || _data[rb + 1] - _data[rb] < Sk.Streams[s].Socket!.Buffer;
        }

        return Readable(at, fd, out why);
    }

    /// <summary>
    /// Readable in the sense of select: a listening socket with a pending connection, a connection
    /// with bytes to read or at end-of-file, a datagram socket with a queued message.
    /// </summary>
    private bool Readable(int at, long fd, out string why)
    {
        var slot = (int)_data[at + 1];
        switch ((DescriptorKind)_data[at])
        {
            case DescriptorKind.Listener:
                why = $"fd {fd} has a connection to accept";
                return FirstPending(slot) >= 0;
            case DescriptorKind.Connection:
                var (s, conn, side) = Connection(at);
                var rb = Sk.RingBase(s, conn, 1 - side);
                var waiting = _data[rb + 1] - _data[rb];
                why = waiting > 0 ? $"fd {fd} has {waiting} byte{Plural(waiting)} to read" : $"fd {fd} is at end-of-file";
                return waiting > 0 || _data[Sk.ConnBase(s, conn) + ShutField + 1 - side] != 0;
            default:
                var db = Sk.DgramBase(slot);
                var queued = _data[db + 2] - _data[db + 1];
                why = $"fd {fd} has {queued} message{Plural(queued)} to read";
                return queued > 0;
        }
    }
}
