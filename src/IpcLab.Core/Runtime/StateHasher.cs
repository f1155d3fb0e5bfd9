using IpcLab.Core.Model;
using IpcLab.Core.Objects;

namespace IpcLab.Core.Runtime;

/// <summary>
/// Hashes the logical state: two states a learner could not tell apart hash equal, even when
/// reached by different schedules or in different kernels. So strings hash by content (not id),
/// queues by their items (not their head/tail counters), wait queues by order (not ticket
/// numbers), and the ticket counter not at all.
/// </summary>
internal static partial class StateHasher
{
    public static ulong Hash(Kernel kernel, long[] data)
    {
        var layout = kernel.Layout;
        var program = kernel.Program;
        var strings = kernel.Strings;
        var h = 0xcbf29ce484222325UL;

        // The objects whose modules spell their state: that spelling is the hash.
        var writer = kernel.HashWriter;
        writer.Hash = h;
        foreach (var o in program.Objects)
        {
            if (kernel.CellCountOf(o.Id) > 0)
            {
                ObjectModules.Of(o.Kind)!.WriteState(kernel, o, writer);
            }
        }

        h = writer.Hash;

        h = HashSockets(h, layout.Sockets, data, strings);

        for (var t = 0; t < layout.ThreadCount; t++)
        {
            var info = program.Threads[t];
            h = Mix(h, (ulong)data[layout.ThreadField(t, StateLayout.PcField)]);
            h = Mix(h, (ulong)data[layout.ThreadField(t, StateLayout.StatusField)]);
            var obj = data[layout.ThreadField(t, StateLayout.WaitObjectField)];
            h = Mix(h, (ulong)obj);
            h = Mix(h, obj < 0 ? 0 : (ulong)Rank(data, layout, t, obj));
            var fault = data[layout.ThreadField(t, StateLayout.FaultField)];
            h = Mix(h, fault < 0 ? 0 : strings.HashOf(fault));
            var locals = layout.LocalBase(t);
            for (var i = 0; i < info.Locals.Count; i++)
            {
                h = Mix(h, Value(info.Locals[i].Kind, data[locals + i], strings));
            }

            // A deadline as the steps left, not as the clock itself: two states whose timed waits
            // have the same time left behave the same from there on.
            if (layout.HasClock)
            {
                var deadline = data[layout.DeadlineIndex(t)];
                h = Mix(h, deadline == 0 ? 0 : (ulong)(deadline - data[layout.ClockIndex]));
            }
        }

        return h;
    }

    /// <summary>
    /// Descriptor tables and stream sockets hash as they are (bytes are numbers and every counter
    /// there counts what was transferred, which equal states share); datagram messages by content.
    /// </summary>
    private static ulong HashSockets(ulong h, SocketLayout sockets, long[] data, StringTable strings)
    {
        for (var i = sockets.DescriptorBase; i < sockets.DescriptorEnd; i++)
        {
            h = Mix(h, (ulong)data[i]);
        }

        // A connection's byte rings by their bytes, oldest first, as the queues above: not by
        // the counts of bytes ever read and written, and not by stale cells.
        foreach (var s in sockets.Streams)
        {
            var sb = sockets.StreamBase(s.Slot);
            for (var i = 0; i < SocketLayout.StreamHeader; i++)
            {
                h = Mix(h, (ulong)data[sb + i]);
            }

            var buffer = s.Socket!.Buffer;
            for (var conn = 0; conn < s.Socket.Connections; conn++)
            {
                var cb = sockets.ConnBase(s.Slot, conn);
                for (var i = 0; i < SocketLayout.ConnHeader; i++)
                {
                    h = Mix(h, (ulong)data[cb + i]);
                }

                for (var direction = 0; direction < 2; direction++)
                {
                    var rb = sockets.RingBase(s.Slot, conn, direction);
                    h = Mix(h, (ulong)(data[rb + 1] - data[rb]));
                    for (var i = data[rb]; i < data[rb + 1]; i++)
                    {
                        h = Mix(h, (ulong)data[rb + 2 + (int)(i % buffer)]);
                    }
                }
            }
        }

        foreach (var d in sockets.Datagrams)
        {
            var db = sockets.DgramBase(d.Slot);
            h = Mix(h, (ulong)data[db]);
            h = Mix(h, (ulong)(data[db + 2] - data[db + 1]));
            for (var i = data[db + 1]; i < data[db + 2]; i++)
            {
                h = Mix(h, strings.HashOf(data[db + SocketLayout.DgramHeader + (int)(i % d.Socket!.Buffer)]));
            }
        }

        return h;
    }

    /// <summary>A thread's place in its object's wait queue (0 = first).</summary>
    private static int Rank(long[] data, StateLayout layout, int thread, long obj)
    {
        var ticket = data[layout.ThreadField(thread, StateLayout.TicketField)];
        var rank = 0;
        for (var t = 0; t < layout.ThreadCount; t++)
        {
            if (data[layout.ThreadField(t, StateLayout.WaitObjectField)] == obj
                && data[layout.ThreadField(t, StateLayout.TicketField)] < ticket)
            {
                rank++;
            }
        }

        return rank;
    }

    private static ulong Value(ValueKind kind, long value, StringTable strings) =>
        kind == ValueKind.Str ? strings.HashOf(value) : (ulong)value;

    internal static ulong Mix(ulong h, ulong v)
    {
        h ^= v + 0x9e3779b97f4a7c15UL + (h << 6) + (h >> 2);
        return h * 0x100000001b3UL;
    }
}
