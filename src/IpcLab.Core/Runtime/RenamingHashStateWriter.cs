using IpcLab.Core.Objects;

namespace IpcLab.Core.Runtime;

/// <summary>
/// Folds what a module writes into a hash like <see cref="HashStateWriter"/>, but writes every
/// thread under its new name (<see cref="Renamed"/>): the spelling of a state with its
/// interchangeable threads put in a canonical order.
/// </summary>
internal sealed class RenamingHashStateWriter(StringTable strings) : StateWriter
{
    public ulong Hash { get; set; }

    /// <summary>The new id of each thread.</summary>
    public int[] Renamed { get; set; } = [];

    public override void Label(string label)
    {
    }

    public override void Int(long value) => Hash = StateHasher.Mix(Hash, (ulong)value);

    public override void Str(long stringId) => Hash = StateHasher.Mix(Hash, strings.HashOf(stringId));

    /// <summary>Set when a thread was written since it was last cleared: the hash then depends on <see cref="Renamed"/>.</summary>
    public bool NamedThread { get; set; }

    public override void Thread(long thread)
    {
        NamedThread = true;
        Hash = StateHasher.Mix(Hash, (ulong)(thread < 0 ? thread : Renamed[thread]));
    }

    public override void BeginList(long count) => Hash = StateHasher.Mix(Hash, (ulong)count);

    public override void EndList()
    {
    }
}
