using IpcLab.Core.Model;
using IpcLab.Core.Objects;
using IpcLab.Core.Objects.Descriptors;

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
        var h = 0xcbf29ce484222325UL;

        // The objects whose modules spell their state: that spelling is the hash.
        var writer = kernel.HashWriter;
        writer.Hash = h;
        foreach (var o in program.Objects)
        {
            if (kernel.CellCountOf(o.Id) > 0)
            {
                ObjectModules.Of(o.Kind).WriteState(kernel, o, writer);
            }
        }

        // The descriptor tables, where the sockets' part of the processes is.
        DescriptorTablesState.Write(kernel, writer);
        h = writer.Hash;

        for (var t = 0; t < layout.ThreadCount; t++)
        {
            h = MixThread(h, kernel, data, t);
        }

        return h;
    }

    /// <summary>Mixes thread <paramref name="t"/>'s record into <paramref name="h"/>: everything but its id.</summary>
    internal static ulong MixThread(ulong h, Kernel kernel, long[] data, int t)
    {
        var layout = kernel.Layout;
        var obj = data[layout.ThreadField(t, StateLayout.WaitObjectField)];
        h = MixRecord(h, kernel, data, t);
        return Mix(h, obj < 0 ? 0 : (ulong)Rank(data, layout, t, obj));
    }

    /// <summary>
    /// Mixes thread <paramref name="t"/>'s record into <paramref name="h"/> but for its place in its
    /// wait queue: what its own cells (and the clock) say, nothing another thread's record changes.
    /// </summary>
    internal static ulong MixRecord(ulong h, Kernel kernel, long[] data, int t)
    {
        var layout = kernel.Layout;
        var strings = kernel.Strings;
        h = Mix(h, (ulong)data[layout.ThreadField(t, StateLayout.PcField)]);
        h = Mix(h, (ulong)data[layout.ThreadField(t, StateLayout.StatusField)]);
        h = Mix(h, (ulong)data[layout.ThreadField(t, StateLayout.WaitObjectField)]);
        var fault = data[layout.ThreadField(t, StateLayout.FaultField)];
        h = Mix(h, fault < 0 ? 0 : strings.HashOf(fault));

        // The kinds as a plain array: this runs for every thread of every state an exploration keys.
        var kinds = kernel.LocalKinds[t];
        var locals = data.AsSpan(layout.LocalBase(t), kinds.Length);
        for (var i = 0; i < kinds.Length; i++)
        {
            h = Mix(h, Value(kinds[i], locals[i], strings));
        }

        // A deadline as the steps left, not as the clock itself: two states whose timed waits
        // have the same time left behave the same from there on.
        if (layout.HasClock)
        {
            var deadline = data[layout.DeadlineIndex(t)];
            h = Mix(h, deadline == 0 ? 0 : (ulong)(deadline - data[layout.ClockIndex]));
        }

        return h;
    }

    /// <summary>A thread's place in its object's wait queue (0 = first).</summary>
    private static int Rank(long[] data, StateLayout layout, int thread, long obj)
    {
        var ticket = data[layout.ThreadField(thread, StateLayout.TicketField)];
        var stride = layout.ThreadStride;
        var records = data.AsSpan(layout.ThreadBase, layout.ThreadCount * stride);
        var rank = 0;

        // Counted without a branch: which threads wait where changes from one state to the next,
        // so a branch on it would be guessed wrong about as often as right.
        for (var at = 0; at < records.Length; at += stride)
        {
            rank += (records[at + StateLayout.WaitObjectField] == obj ? 1 : 0) & (records[at + StateLayout.TicketField] < ticket ? 1 : 0);
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
