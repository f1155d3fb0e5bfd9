using IpcLab.Core.Model;
using IpcLab.Core.Runtime;
using IpcLab.Core.Script;

namespace IpcLab.Core.Objects.SharedMemory;

/// <summary>
/// A named segment of int words that processes map. A read and a write of a word are separate
/// steps (so <c>seg[0] = seg[0] + 1</c> can lose an update between processes, as between threads);
/// a range read or fill is one step. Mutexes, condition variables and semaphores may live in a
/// segment: only processes that map it can use them.
/// </summary>
internal sealed class SharedMemoryModule : ObjectModule
{
    public override ObjectKind Kind => ObjectKind.SharedMemory;

    public override string DeclarationWord => "shm";

    public override string KindWord => "shared-memory segment";

    internal override ObjectInfo Declare(Declaration d)
    {
        if (d.Process >= 0)
        {
            throw d.Error(d.Item.Name.Pos, $"declare the segment {d.Name} at top level: it is named, and any process can map it");
        }

        d.NoInitial($"a segment starts as zeros; write `shm {d.Name} size N`");
        var size = d.Required("size", $"segment {d.Name} needs a size in words: `shm {d.Name} size 4`");
        d.OnlyOptions("a segment", ["size"]);
        return d.Object(Kind, d.WholeNumber(size, $"a segment's size must be a whole number of words from 1 to {Compiler.MaxCapacity}"), 0, ValueKind.Int);
    }

    internal override string ValueHint(ObjectInfo o) => $" (read a word of it: {o.Name}[0])";

    public override IReadOnlyList<OpSpec> Operations { get; } =
    [
        new(OpCode.Map, "map") { Shape = new("map seg", ObjectKind.SharedMemory) },
        new(OpCode.Unmap, "unmap") { Shape = new("unmap seg", ObjectKind.SharedMemory) },
        new(OpCode.ShmLoad),
        new(OpCode.ShmStore),
    ];

    public override IReadOnlyList<EventSpec> Events { get; } =
    [
        new(EventKind.Mapped, EventClass.Other, "mapped") { ChangesObject = true },
        new(EventKind.Unmapped, EventClass.Other, "unmapped") { ChangesObject = true },
        new(EventKind.ShmLoaded, EventClass.Other, "shm-read"),
        new(EventKind.ShmStored, EventClass.Other, "shm-write") { ChangesObject = true },
        new(EventKind.ShmRangeRead, EventClass.Other, "shm-read-range"),
        new(EventKind.ShmRangeWritten, EventClass.Other, "shm-write-range") { ChangesObject = true },
    ];

    public override int CellCount(ObjectInfo o) => SegmentCells.CellsFor(o.Capacity);

    internal override void Step(IKernelServices k, int t, int pc, Instr instr)
    {
        switch (instr.Op)
        {
            case OpCode.Map or OpCode.Unmap: Map(k, t, pc, instr, instr.Op == OpCode.Map); break;
            case OpCode.ShmLoad: Load(k, t, pc, instr); break;
            default: Store(k, t, pc, instr); break;
        }
    }

    private static void Map(IKernelServices k, int t, int pc, Instr instr, bool map)
    {
        var seg = instr.A;
        var cells = new SegmentCells(k.Cells(seg));
        var process = k.ProcessOf(t);
        if (cells.Maps(process) == map)
        {
            throw new ThreadFaultException(map
                ? $"maps {k.ObjectName(seg)}, which its process has already mapped"
                : $"unmaps {k.ObjectName(seg)}, which its process has not mapped");
        }

        cells.SetMapped(process, map);
        k.Emit(map ? EventKind.Mapped : EventKind.Unmapped, t, pc, seg, value: process);
        k.MoveTo(t, instr.Next);
    }

    private static void Load(IKernelServices k, int t, int pc, Instr instr)
    {
        var seg = k.Program.Objects[instr.A];
        var index = k.Eval(t, instr.E1!);
        if (instr.E2 is { } last)
        {
            var to = k.Eval(t, last);
            var words = ShmRangeExpr.Read(k.Context(t), seg, index, to);
            k.Local(t, instr.B) = k.Intern(words);

            // The event's text is interned only when events are recorded (as print does): a
            // search without events should not fill the string table.
            k.Emit(EventKind.ShmRangeRead, t, pc, instr.A, value: k.RecordsEvents ? k.Intern($"{seg.Name}[{index}..{to}] = {words}") : 0);
            k.MoveTo(t, instr.Next);
            return;
        }

        var value = new SegmentCells(k.Cells(seg.Id)).Words[ShmExpr.WordNumber(k.Context(t), seg, index, "reads")];
        k.Local(t, instr.B) = value;
        k.Emit(EventKind.ShmLoaded, t, pc, instr.A, (int)index, value);
        k.MoveTo(t, instr.Next);
    }

    private static void Store(IKernelServices k, int t, int pc, Instr instr)
    {
        var seg = k.Program.Objects[instr.A];
        var value = k.Eval(t, instr.E1!);
        var index = k.Eval(t, instr.E2!);
        var words = new SegmentCells(k.Cells(seg.Id)).Words;
        if (instr.Args.Count == 1)
        {
            var to = k.Eval(t, instr.Args[0]);
            var (first, count) = ShmRangeExpr.Bounds(k.Context(t), seg, index, to, "writes");
            words.Slice(first, count).Fill(value);
            var sentence = k.RecordsEvents ? k.Intern($"{value} to {seg.Name}[{index}..{to}] ({EventWords.Plural(count, "word")})") : 0;
            k.Emit(EventKind.ShmRangeWritten, t, pc, instr.A, (int)index, sentence);
            k.MoveTo(t, instr.Next);
            return;
        }

        words[ShmExpr.WordNumber(k.Context(t), seg, index, "writes")] = value;
        k.Emit(EventKind.ShmStored, t, pc, instr.A, (int)index, value);
        k.MoveTo(t, instr.Next);
    }

    /// <summary>An ended process maps nothing any more; the segment and its words stay.</summary>
    internal static void Unmap(IKernelServices k, ObjectInfo o, int process) => new SegmentCells(k.Cells(o.Id)).SetMapped(process, false);

    internal override void OnProcessEnd(IKernelServices k, int process, int lastThread)
    {
        foreach (var o in k.Program.Objects)
        {
            if (o.Kind == ObjectKind.SharedMemory)
            {
                Unmap(k, o, process);
            }
        }
    }

    // A segment is mapped only by processes that exist.
    internal override void AssertInvariants(IKernelServices k, ObjectInfo o)
    {
        var processes = k.Program.Processes.Count;
        var known = processes >= 63 ? -1L : (1L << processes) - 1;
        Require((new SegmentCells(k.Cells(o.Id)).MappedBy & ~known) == 0, $"segment {o.Name} is mapped by a process that does not exist");
    }

    internal override void WriteState(IKernelServices k, ObjectInfo o, StateWriter w)
    {
        var cells = new SegmentCells(k.Cells(o.Id));
        w.Label("mapped-by");
        w.Int(cells.MappedBy);
        w.Label("words");
        w.BeginList(cells.Words.Length);
        foreach (var word in cells.Words)
        {
            w.Int(word);
        }

        w.EndList();
    }

    public override string Describe(in EventWords w)
    {
        var e = w.Event;
        return e.Kind switch
        {
            EventKind.Mapped => $"{w.Who} maps {w.Name} into process {w.Program.Processes[(int)e.Value].Name}",
            EventKind.Unmapped => $"{w.Who} unmaps {w.Name} from process {w.Program.Processes[(int)e.Value].Name}",
            EventKind.ShmLoaded => $"{w.Who} reads {w.Name}[{e.Other}] = {e.Value} into a register",
            EventKind.ShmStored => $"{w.Who} writes {e.Value} to {w.Name}[{e.Other}]",
            EventKind.ShmRangeRead => $"{w.Who} reads {w.Text} in one step",
            EventKind.ShmRangeWritten => $"{w.Who} writes {w.Text} in one step",
            _ => NotMine(w),
        };
    }
}
