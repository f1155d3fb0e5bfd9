using IpcLab.Core.Model;

namespace IpcLab.Core.Runtime;

// What must hold for descriptors and sockets after every step.
public sealed partial class Kernel
{
    private static readonly OpCode[] SocketWaitOps = [OpCode.Connect, OpCode.Accept, OpCode.Send, OpCode.Recv, OpCode.Select, OpCode.SendTo];

    /// <summary>A thread blocked on a socket is at a blocking socket operation that could not make progress now: no wake-up was lost.</summary>
    private void RequireSocketWait(int t)
    {
        var op = _code[t][PcOf(t)].Op;
        Require(SocketWaitOps.Contains(op), $"{ThreadName(t)} is blocked on a socket at a {op}");
        Require(!CanProceed(t, out var why), $"{ThreadName(t)} is blocked on {ObjectName(WaitObjectOf(t))} although {why} (a lost wake-up)");
    }

    private void AssertSocketInvariants()
    {
        // Every descriptor refers to something open, and every open thing has exactly one descriptor.
        var listeners = new int[Sk.Streams.Count];
        var receivers = new int[Sk.Datagrams.Count];
        var ends = new Dictionary<(int, int), int>();
        for (var p = 0; p < Sk.Processes; p++)
        {
            for (var i = 0; i < SocketLayout.MaxDescriptors; i++)
            {
                var at = Sk.Descriptor(p, i);
                var kind = (DescriptorKind)_data[at];
                var slot = (int)_data[at + 1];
                var fd = SocketLayout.FirstFd + i;
                switch (kind)
                {
                    case DescriptorKind.Free:
                        Require(_data[at + 1] == 0 && _data[at + 2] == 0, $"free fd {fd} of {ProcessName(p)} is not cleared");
                        break;
                    case DescriptorKind.Listener:
                        Require(_data[Sk.StreamBase(slot)] == 1, $"fd {fd} of {ProcessName(p)} listens on a socket that is not listening");
                        listeners[slot]++;
                        break;
                    case DescriptorKind.Connection:
                        var (s, conn, side) = Connection(at);
                        var cb = Sk.ConnBase(s, conn);
                        Require(_data[cb + OpenField + side] == 1, $"fd {fd} of {ProcessName(p)} refers to a closed end");
                        Require(side == 0 || _data[cb] == (long)ConnState.Accepted, $"fd {fd} of {ProcessName(p)} is the server end of a connection never accepted");
                        ends[(s, (int)_data[at + 2])] = ends.GetValueOrDefault((s, (int)_data[at + 2])) + 1;
                        break;
                    case DescriptorKind.DatagramReceiver:
                        Require(_data[Sk.DgramBase(slot)] == 1, $"fd {fd} of {ProcessName(p)} receives on an unbound datagram socket");
                        receivers[slot]++;
                        break;
                    default:
                        Require(false, $"fd {fd} of {ProcessName(p)} has kind {kind}");
                        break;
                }
            }
        }

        for (var s = 0; s < Sk.Streams.Count; s++)
        {
            var spec = Sk.Streams[s].Socket!;
            Require(listeners[s] == _data[Sk.StreamBase(s)], $"socket {Sk.Streams[s].Name} is listening={_data[Sk.StreamBase(s)]} with {listeners[s]} listening descriptors");
            Require(PendingCount(s) <= spec.Backlog, $"socket {Sk.Streams[s].Name} has more pending connections than its backlog");
            for (var k = 0; k < spec.Connections; k++)
            {
                AssertConnection(s, k, spec, ends);
            }
        }

        for (var d = 0; d < Sk.Datagrams.Count; d++)
        {
            var db = Sk.DgramBase(d);
            var capacity = Sk.Datagrams[d].Socket!.Buffer;
            var queued = _data[db + 2] - _data[db + 1];
            Require(receivers[d] == _data[db], $"datagram socket {Sk.Datagrams[d].Name} is bound={_data[db]} with {receivers[d]} receivers");
            Require(queued >= 0 && queued <= capacity, $"datagram socket {Sk.Datagrams[d].Name} holds {queued} of {capacity} messages");
            Require(_data[db] == 1 || queued == 0, $"unbound datagram socket {Sk.Datagrams[d].Name} holds messages");
            for (var i = queued; i < capacity; i++)
            {
                Require(_data[db + SocketLayout.DgramHeader + (int)((_data[db + 1] + i) % capacity)] == 0, $"datagram socket {Sk.Datagrams[d].Name} has a stale message in a free cell");
            }
        }
    }

    private void AssertConnection(int s, int k, SocketSpec spec, Dictionary<(int, int), int> ends)
    {
        var cb = Sk.ConnBase(s, k);
        var name = $"connection {k} of {Sk.Streams[s].Name}";
        var state = (ConnState)_data[cb];
        if (state == ConnState.Free)
        {
            for (var i = 0; i < SocketLayout.ConnSize(spec.Buffer); i++)
            {
                Require(_data[cb + i] == 0, $"free {name} is not cleared");
            }

            return;
        }

        Require(state is ConnState.Pending or ConnState.Accepted or ConnState.Dropped, $"{name} has state {state}");
        Require(_data[cb + OpenField] == 1 || _data[cb + OpenField + 1] == 1, $"{name} is in use with both ends closed");
        Require((state == ConnState.Pending) == (_data[cb + OrderField] > 0), $"{name} is {state} with backlog order {_data[cb + OrderField]}");
        for (var side = 0; side < 2; side++)
        {
            var open = _data[cb + OpenField + side];
            var descriptors = ends.GetValueOrDefault((s, (k * 2) + side));
            var expected = open == 1 && (side == 0 || state == ConnState.Accepted) ? 1 : 0;
            Require(descriptors == expected, $"{name} side {side} has {descriptors} descriptors, expected {expected}");
            Require(open == 1 || _data[cb + ShutField + side] == 1, $"{name} side {side} is closed but can still write");

            // Direction `side` is written by this side: its bytes sit between the counters, nowhere else.
            var rb = Sk.RingBase(s, k, side);
            var count = _data[rb + 1] - _data[rb];
            Require(_data[rb] >= 0 && count >= 0 && count <= spec.Buffer, $"{name} direction {side} holds {count} of {spec.Buffer} bytes");
            Require(_data[cb + OpenField + 1 - side] == 1 || count == 0, $"{name} direction {side} holds bytes for a closed reader");
            for (var i = count; i < spec.Buffer; i++)
            {
                Require(_data[rb + 2 + (int)((_data[rb] + i) % spec.Buffer)] == 0, $"{name} direction {side} has a stale byte in a free cell");
            }
        }
    }
}
