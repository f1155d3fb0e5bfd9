using IpcLab.Core.Runtime;

namespace IpcLab.Core.Objects;

/// <summary>Folds what a module writes into the state hash: strings by content, labels not at all.</summary>
internal sealed class HashStateWriter(StringTable strings) : StateWriter
{
    public ulong Hash { get; set; }

    public override void Label(string label)
    {
    }

    public override void Int(long value) => Hash = StateHasher.Mix(Hash, (ulong)value);

    public override void Str(long stringId) => Hash = StateHasher.Mix(Hash, strings.HashOf(stringId));

    public override void Thread(long thread) => Hash = StateHasher.Mix(Hash, (ulong)thread);

    public override void BeginList(long count) => Hash = StateHasher.Mix(Hash, (ulong)count);

    public override void EndList()
    {
    }
}
