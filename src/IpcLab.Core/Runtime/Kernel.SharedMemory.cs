using IpcLab.Core.Model;
using IpcLab.Core.Objects.Mutex;

namespace IpcLab.Core.Runtime;

// Shared-memory segments: map, unmap, word loads and stores; objects that live in a segment, and
// robust mutexes (the owner died: the next locker takes over and is told).
public sealed partial class Kernel
{
    private void DoMap(int t, int pc, Instr instr, bool map)
    {
        var seg = instr.A;
        var at = Layout.ShmMapIndex(SlotOf(seg));
        var bit = 1L << Layout.ProcessOf(t);
        var mapped = (_data[at] & bit) != 0;
        if (mapped == map)
        {
            throw new ThreadFaultException(map
                ? $"maps {ObjectName(seg)}, which its process has already mapped"
                : $"unmaps {ObjectName(seg)}, which its process has not mapped");
        }

        _data[at] = map ? _data[at] | bit : _data[at] & ~bit;
        Emit(map ? EventKind.Mapped : EventKind.Unmapped, t, pc, seg, value: Layout.ProcessOf(t));
        MoveTo(t, instr.Next);
    }

    private void DoShmLoad(int t, int pc, Instr instr)
    {
        var seg = Program.Objects[instr.A];
        var index = Eval(t, instr.E1!);
        if (instr.E2 is { } last)
        {
            var to = Eval(t, last);
            var words = ShmRangeExpr.Read(Context(t), seg, index, to);
            _data[Layout.LocalBase(t) + instr.B] = Strings.Intern(words);

            // The event's text is interned only when events are recorded (as print does): a
            // search without events should not fill the string table.
            Emit(EventKind.ShmRangeRead, t, pc, instr.A, value: Options.RecordEvents ? Strings.Intern($"{seg.Name}[{index}..{to}] = {words}") : 0);
            MoveTo(t, instr.Next);
            return;
        }

        var value = _data[ShmExpr.WordIndex(Context(t), seg, index, "reads")];
        _data[Layout.LocalBase(t) + instr.B] = value;
        Emit(EventKind.ShmLoaded, t, pc, instr.A, (int)index, value);
        MoveTo(t, instr.Next);
    }

    private void DoShmStore(int t, int pc, Instr instr)
    {
        var seg = Program.Objects[instr.A];
        var value = Eval(t, instr.E1!);
        var index = Eval(t, instr.E2!);
        if (instr.Args.Count == 1)
        {
            var to = Eval(t, instr.Args[0]);
            var (first, count) = ShmRangeExpr.Bounds(Context(t), seg, index, to, "writes");
            Array.Fill(_data, value, first, count);
            var sentence = Options.RecordEvents ? Strings.Intern($"{value} to {seg.Name}[{index}..{to}] ({count} word{(count == 1 ? "" : "s")})") : 0;
            Emit(EventKind.ShmRangeWritten, t, pc, instr.A, (int)index, sentence);
            MoveTo(t, instr.Next);
            return;
        }

        _data[ShmExpr.WordIndex(Context(t), seg, index, "writes")] = value;
        Emit(EventKind.ShmStored, t, pc, instr.A, (int)index, value);
        MoveTo(t, instr.Next);
    }

    /// <summary>A mutex, condition variable or semaphore that lives in a segment is usable only by the processes that map it.</summary>
    private void RequireMapped(int t, int obj)
    {
        var segment = Program.Objects[obj].Segment;
        if (segment >= 0 && !Layout.IsMapped(_data, SlotOf(segment), Layout.ProcessOf(t)))
        {
            throw new ThreadFaultException(
                $"uses {ObjectName(obj)}, which lives in segment {ObjectName(segment)}, but its process has not mapped {ObjectName(segment)} (write `map {ObjectName(segment)}` first)");
        }
    }

    /// <summary>
    /// After thread <paramref name="dead"/> stopped: each robust mutex it held that has a queue
    /// passes to its first waiter (see <see cref="MutexModule.HandOverOrphaned"/>).
    /// </summary>
    private void HandOverOrphanedMutexes(int dead)
    {
        foreach (var m in _idsByKind[(int)ObjectKind.Mutex])
        {
            MutexModule.HandOverOrphaned(this, Program.Objects[m], dead);
        }
    }

    /// <summary>An ended process maps nothing any more; the segments and their words stay.</summary>
    private void UnmapAll(int process)
    {
        foreach (var segment in _idsByKind[(int)ObjectKind.SharedMemory])
        {
            _data[Layout.ShmMapIndex(SlotOf(segment))] &= ~(1L << process);
        }
    }

    /// <summary>A segment's words, in order (by object id).</summary>
    public long[] SegmentWords(int segmentId)
    {
        var info = Program.Objects[segmentId];
        return _data.AsSpan(Layout.ShmWordBase(info.Slot), info.Capacity).ToArray();
    }

    /// <summary>The processes that map a segment (by object id), in id order.</summary>
    public IReadOnlyList<int> MappedBy(int segmentId)
    {
        var slot = SlotOf(segmentId);
        return Enumerable.Range(0, Program.Processes.Count).Where(p => Layout.IsMapped(_data, slot, p)).ToArray();
    }
}
