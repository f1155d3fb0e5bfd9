using System.Runtime.CompilerServices;
using IpcLab.Core.Model;
using IpcLab.Core.Objects;

namespace IpcLab.Core.Runtime;

/// <summary>
/// The simulated OS. It holds the whole state of a run in one array (see <see cref="StateLayout"/>),
/// executes one atomic operation of one thread per <see cref="Step"/>, records what happened as
/// events and the choices made as a schedule, and can snapshot, restore and hash its state.
/// It has no clock, no randomness and no I/O: (program, schedule) determines everything.
/// </summary>
public sealed partial class Kernel
{
    private readonly long[] _initial;
    private readonly int[] _slotOf;
    private readonly int[][] _idsByKind;
    private readonly long[] _selfName;
    private readonly Instr[][] _code;
    private readonly List<KernelEvent> _events = [];
    private readonly List<ScheduleEntry> _schedule = [];
    private readonly List<Finding> _findings = [];

    // A hash chain over the schedule: entry i's id mixes entry i into entry i-1's id. A snapshot
    // lies on the current history exactly when the id at its length is still the same, that
    // is when the schedule up to it is the same (step back and redo keep snapshots valid).
    private readonly List<long> _entryIds = [];
    private long[] _data;
    private bool _concluded;
    private int _pendingWoken;
    private IWaiterChooser? _chooser;
    private readonly bool _hasSegments;

    public Kernel(CompiledProgram program, KernelOptions? options = null)
    {
        Program = program;
        Options = options ?? new KernelOptions();
        Layout = new StateLayout(program);
        Strings = new StringTable();
        foreach (var literal in program.Literals)
        {
            Strings.Intern(literal);
        }

        _selfName = program.Threads.Select(t => (long)Strings.Intern(t.Name)).ToArray();
        _code = program.Threads.Select(t => t.Code).ToArray();
        _slotOf = program.Objects.Select(o => o.Slot).ToArray();
        _cellCount = CellCounts(program);
        HashWriter = new HashStateWriter(Strings);
        _idsByKind = Enum.GetValues<ObjectKind>()
            .Select(k => program.ObjectsOf(k).OrderBy(o => o.Slot).Select(o => o.Id).ToArray())
            .ToArray();
        _hasSegments = program.Objects.Any(o => o.Kind == ObjectKind.SharedMemory);
        _data = BuildInitialState();
        for (var t = 0; t < program.Threads.Count; t++)
        {
            if (program.Processes[program.Threads[t].Process].StartsOnSpawn)
            {
                _data[Layout.ThreadField(t, StateLayout.StatusField)] = (long)ThreadStatus.NotStarted;
            }

            if (_code[t].Length == 0)
            {
                _data[Layout.ThreadField(t, StateLayout.StatusField)] = (long)ThreadStatus.Finished;
            }
        }

        _initial = (long[])_data.Clone();
        AssertInvariantsIfEnabled();
    }

    public CompiledProgram Program { get; }

    public KernelOptions Options { get; }

    public StateLayout Layout { get; }

    public StringTable Strings { get; }

    /// <summary>Steps taken so far (thread steps and injections).</summary>
    public int StepCount { get; private set; }

    public IReadOnlyList<KernelEvent> Events => _events;

    public IReadOnlyList<ScheduleEntry> Schedule => _schedule;

    public IReadOnlyList<Finding> Findings => _findings;

    /// <summary>True once the run has been concluded (deadlock reported, final checks evaluated, or budget used).</summary>
    public bool IsConcluded => _concluded;

    /// <summary>The raw state array, read-only by convention (views and hashing read it).</summary>
    public ReadOnlySpan<long> RawState => _data;

    /// <summary>Back to step 0, keeping the string table (ids stay valid).</summary>
    public void Reset()
    {
        _data = (long[])_initial.Clone();
        StartHistoryAt(0);
    }

    /// <summary>Empty logs and an open run, as if <paramref name="step"/> steps had led to the present state.</summary>
    private void StartHistoryAt(int step)
    {
        StepCount = step;
        _events.Clear();
        _schedule.Clear();
        _entryIds.Clear();
        _findings.Clear();
        _concluded = false;
    }

    public KernelSnapshot Snapshot() =>
        new((long[])_data.Clone(), StepCount, _events.Count, _schedule.Count, _findings.Count, _concluded, LastEntryId(_schedule.Count));

    public void Restore(KernelSnapshot snapshot)
    {
        if (snapshot.ScheduleCount > _schedule.Count || snapshot.EventCount > _events.Count || snapshot.Data.Length != _data.Length
            || LastEntryId(snapshot.ScheduleCount) != snapshot.LastEntryId)
        {
            throw new InvalidOperationException("the snapshot is not from this run's history");
        }

        Array.Copy(snapshot.Data, _data, _data.Length);
        StepCount = snapshot.Step;
        _events.RemoveRange(snapshot.EventCount, _events.Count - snapshot.EventCount);
        _schedule.RemoveRange(snapshot.ScheduleCount, _schedule.Count - snapshot.ScheduleCount);
        _entryIds.RemoveRange(snapshot.ScheduleCount, _entryIds.Count - snapshot.ScheduleCount);
        _findings.RemoveRange(snapshot.FindingCount, _findings.Count - snapshot.FindingCount);
        _concluded = snapshot.Concluded;
        AssertInvariantsIfEnabled();
    }

    /// <summary>A hash of the logical state (see <see cref="StateHasher"/>); equal states hash equal across kernels.</summary>
    public ulong StateHash() => StateHasher.Hash(this, _data);

    private long[] BuildInitialState()
    {
        var data = new long[Layout.Size];
        data[StateLayout.TicketSlot] = 1;
        foreach (var o in Program.Objects)
        {
            ObjectModules.Of(o.Kind).Initialize(o, data.AsSpan(Layout.ObjectBase(o.Id), _cellCount[o.Id]));
        }

        for (var t = 0; t < Program.Threads.Count; t++)
        {
            data[Layout.ThreadField(t, StateLayout.WaitObjectField)] = -1;
            data[Layout.ThreadField(t, StateLayout.FaultField)] = -1;
        }

        return data;
    }

    private long LastEntryId(int scheduleCount) => scheduleCount == 0 ? 0 : _entryIds[scheduleCount - 1];

    private void RecordEntry(ScheduleEntry entry)
    {
        if (Options.RecordSchedule)
        {
            _schedule.Add(entry);
            var h = (ulong)LastEntryId(_entryIds.Count);
            h = (h ^ ((ulong)entry.Kind << 40) ^ ((ulong)(uint)entry.Thread << 20) ^ (uint)(entry.Woken + 1)) * 0x100000001b3UL;
            _entryIds.Add((long)(h ^ (h >> 29)) | 1);
        }
    }

    private int SlotOf(int objectId) => _slotOf[objectId];

    private int IdOf(ObjectKind kind, int slot) => _idsByKind[(int)kind][slot];

    private void Emit(EventKind kind, int thread, int pc, int obj = -1, int other = -1, long value = 0)
    {
        if (Options.RecordEvents)
        {
            Record(kind, thread, pc, obj, other, value);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Record(EventKind kind, int thread, int pc, int obj, int other, long value)
    {
        _events.Add(new KernelEvent(StepCount, kind, thread, pc, obj, other, value));
    }

    /// <summary>Records a finding; its text is made from the same event the log gets.</summary>
    private void EmitFinding(FindingKind finding, EventKind kind, int thread, int pc, int obj, int other, long value)
    {
        var ev = new KernelEvent(StepCount, kind, thread, pc, obj, other, value);
        if (Options.RecordEvents)
        {
            _events.Add(ev);
        }

        _findings.Add(new Finding(finding, StepCount, thread, EventText.Describe(ev, Program, Strings)));
    }

    private void AssertInvariantsIfEnabled()
    {
        if (Options.CheckInvariants)
        {
            AssertInvariants();
        }
    }
}
