using IpcLab.Core.Model;
using IpcLab.Core.Objects;
using IpcLab.Core.Objects.Mutex;
using IpcLab.Core.Objects.SharedMemory;

namespace IpcLab.Core.Runtime;

// What processes leave behind in shared memory: the segments they mapped, and the robust mutexes
// they held (the owner died: the next locker takes over and is told).
public sealed partial class Kernel
{
    /// <summary>A mutex, condition variable or semaphore that lives in a segment is usable only by the processes that map it.</summary>
    private void RequireMapped(int t, int obj)
    {
        var segment = Program.Objects[obj].Segment;
        if (segment >= 0 && !Layout.IsMapped(_data, segment, Layout.ProcessOf(t)))
        {
            throw new ThreadFaultException(
                $"uses {ObjectName(obj)}, which lives in segment {ObjectName(segment)}, but its process has not mapped {ObjectName(segment)} (write `map {ObjectName(segment)}` first)");
        }
    }

    /// <summary>A segment's words, in order (by object id).</summary>
    public long[] SegmentWords(int segmentId)
    {
        return new SegmentCells(((IKernelServices)this).Cells(segmentId)).Words.ToArray();
    }

    /// <summary>The processes that map a segment (by object id), in id order.</summary>
    public IReadOnlyList<int> MappedBy(int segmentId)
    {
        return Enumerable.Range(0, Program.Processes.Count).Where(p => Layout.IsMapped(_data, segmentId, p)).ToArray();
    }
}
