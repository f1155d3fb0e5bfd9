namespace IpcLab.Core.Runtime;

// Jumping between states in any order, as a search over the state graph does (the snapshots of
// Snapshot/Restore only go back along one run's history).
public sealed partial class Kernel
{
    /// <summary>A copy of the state array: everything a later <see cref="LoadState"/> needs.</summary>
    internal long[] CopyState() => (long[])_data.Clone();

    /// <summary>
    /// Puts the kernel in a state copied earlier, as if <paramref name="step"/> steps had led there,
    /// with empty logs: the steps taken from here are the only ones recorded.
    /// </summary>
    internal void LoadState(long[] data, int step)
    {
        if (data.Length != _data.Length)
        {
            throw new ArgumentException("the state is not one of this program's", nameof(data));
        }

        Array.Copy(data, _data, _data.Length);
        StepCount = step;
        _events.Clear();
        _schedule.Clear();
        _entryIds.Clear();
        _findings.Clear();
        _concluded = false;
    }
}
