using IpcLab.Core.Model;
using IpcLab.Core.Objects;
using IpcLab.Core.Objects.Descriptors;
using IpcLab.Core.Runtime;

namespace IpcLab.Core.Explore;

/// <summary>
/// The objects' part of a state key (<see cref="ThreadSymmetry.Key"/>): each object's spelling
/// hashed alone and mixed in object order, then the descriptor tables'. An object whose spelling
/// reads nothing but its own cells (<see cref="ObjectModule.WritesOwnCellsOnly"/>) keeps its hash
/// from the last key while those cells are the same: a state is keyed right after one step from its parent, and most steps change one object
/// or none. A kept hash that named a thread is also the renaming's, so it is kept only while
/// the renaming is the same.
/// </summary>
internal sealed class ObjectRecords
{
    private const ulong Seed = 0xcbf29ce484222325UL;

    private readonly ObjectInfo[] _objects;
    private readonly bool[] _ownCellsOnly;
    private readonly ulong[] _hashes;
    private readonly bool[] _kept;
    private readonly bool[] _namesThread;
    private long[] _cells = [];
    private int[] _renamed = [];
    private Kernel? _keptBy;

    public ObjectRecords(CompiledProgram program)
    {
        _objects = [.. program.Objects];
        _ownCellsOnly = [.. _objects.Select(o => ObjectModules.Of(o.Kind).WritesOwnCellsOnly)];

        // One more place, last, for the descriptor tables, whose spelling reads only their cells.
        _hashes = new ulong[_objects.Length + 1];
        _kept = new bool[_objects.Length + 1];
        _namesThread = new bool[_objects.Length + 1];
    }

    /// <summary>The hash of every object and descriptor table of the kernel's present state, each thread an object names written as <paramref name="renamed"/> says.</summary>
    public ulong Hash(Kernel kernel, int[] renamed)
    {
        var layout = kernel.Layout;
        var data = kernel.StateArray;

        // The kept hashes are of this kernel's strings (a string's id is its place in the kernel's own table).
        if (!ReferenceEquals(kernel, _keptBy))
        {
            Array.Clear(_kept);
            _keptBy = kernel;
            _cells = new long[layout.ThreadBase];
            _renamed = new int[renamed.Length];
            renamed.CopyTo(_renamed, 0);
        }

        var sameNames = renamed.AsSpan().SequenceEqual(_renamed);
        if (!sameNames)
        {
            renamed.CopyTo(_renamed, 0);
        }

        var writer = kernel.RenamingHashWriter;
        writer.Renamed = renamed;
        var h = Seed;
        for (var i = 0; i < _objects.Length; i++)
        {
            var id = _objects[i].Id;
            var count = kernel.CellCountOf(id);
            if (count > 0)
            {
                var start = layout.ObjectBase(id);
                h = StateHasher.Mix(h, _ownCellsOnly[i] ? Kept(i, data.AsSpan(start, count), _cells.AsSpan(start, count), sameNames, kernel, writer) : Spell(i, kernel, writer));
            }
        }

        var tables = data.AsSpan(layout.DescriptorBase, layout.ThreadBase - layout.DescriptorBase);
        return StateHasher.Mix(h, Kept(_objects.Length, tables, _cells.AsSpan(layout.DescriptorBase, tables.Length), sameNames, kernel, writer));
    }

    private ulong Kept(int place, ReadOnlySpan<long> cells, Span<long> kept, bool sameNames, Kernel kernel, RenamingHashStateWriter writer)
    {
        if (_kept[place] && (sameNames || !_namesThread[place]) && cells.SequenceEqual(kept))
        {
            return _hashes[place];
        }

        _hashes[place] = Spell(place, kernel, writer);
        cells.CopyTo(kept);
        _kept[place] = true;
        return _hashes[place];
    }

    /// <summary>The hash of what place <paramref name="place"/> (an object, or the descriptor tables last) writes; notes whether it named a thread.</summary>
    private ulong Spell(int place, Kernel kernel, RenamingHashStateWriter writer)
    {
        writer.Hash = Seed;
        writer.NamedThread = false;
        if (place < _objects.Length)
        {
            ObjectModules.Of(_objects[place].Kind).WriteState(kernel, _objects[place], writer);
        }
        else
        {
            DescriptorTablesState.Write(kernel, writer);
        }

        _namesThread[place] = writer.NamedThread;
        return writer.Hash;
    }
}
