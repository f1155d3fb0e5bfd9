namespace IpcLab.Core.Runtime;

// Jumping between states in any order, as a search over the state graph does (the snapshots of
// Snapshot/Restore only go back along one run's history).
public sealed partial class Kernel
{
    private RenamingHashStateWriter? _renamingWriter;
    private Model.ValueKind[][]? _localKinds;

    /// <summary>The length of the state array: what <see cref="CopyStateTo"/> writes and <see cref="LoadState"/> reads.</summary>
    internal int StateSize => _data.Length;

    /// <summary>Copies the state array: everything a later <see cref="LoadState"/> needs.</summary>
    internal void CopyStateTo(Span<long> into) => _data.CopyTo(into);

    /// <summary>
    /// Puts the kernel in a state copied earlier, as if <paramref name="step"/> steps had led there,
    /// with empty logs: the steps taken from here are the only ones recorded.
    /// </summary>
    internal void LoadState(ReadOnlySpan<long> data, int step)
    {
        if (data.Length != _data.Length)
        {
            throw new ArgumentException("the state is not one of this program's", nameof(data));
        }

        data.CopyTo(_data);
        StartHistoryAt(step);
    }

    /// <summary>The writer the symmetric hash spells objects with, made on first use.</summary>
    internal RenamingHashStateWriter RenamingHashWriter => _renamingWriter ??= new RenamingHashStateWriter(Strings);

    /// <summary>Each thread's local slots' kinds, by thread (what the state hash reads them as), made on first use.</summary>
    internal Model.ValueKind[][] LocalKinds => _localKinds ??= Program.Threads.Select(t => t.Locals.Select(l => l.Kind).ToArray()).ToArray();

    /// <summary>The state array as the kernel holds it now (the symmetric hash reads thread records from it).</summary>
    internal long[] StateArray => _data;
}
