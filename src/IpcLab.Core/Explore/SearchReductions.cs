using System.Numerics;
using IpcLab.Core.Model;
using IpcLab.Core.Runtime;

namespace IpcLab.Core.Explore;

/// <summary>
/// The reductions of one exploration (see <see cref="StateSpaceSearch"/>): the key states are
/// merged by (their symmetric hash when threads are interchangeable, else their plain hash) and
/// the sleep sets of the partial-order reduction, kept in the canonical names of the symmetry so
/// the two combine.
/// </summary>
internal sealed class SearchReductions
{
    private readonly Kernel _kernel;
    private readonly ThreadSymmetry? _symmetry;
    private readonly ThreadSymmetry _keys;
    private readonly StepFootprints? _footprints;
    private readonly List<string> _notes = [];

    public SearchReductions(CompiledProgram program, ExploreOptions options, Kernel kernel)
    {
        _kernel = kernel;
        if (options.Symmetry && options.CrashThreads.Count + options.CrashProcesses.Count > 0)
        {
            _notes.Add("symmetry: not applied when crashes are injected (a crash names one thread or process)");
        }
        else if (options.Symmetry)
        {
            _symmetry = ThreadSymmetry.Of(program);
            if (_symmetry.Note is { } note)
            {
                _notes.Add("symmetry: " + note);
                _symmetry = null;
            }
        }

        _keys = _symmetry ?? ThreadSymmetry.None(program);
        if (options.PartialOrder)
        {
            if (kernel.Layout.HasClock)
            {
                _notes.Add("partial order: not applied to a program with timed waits (every step moves the clock)");
            }
            else if (program.Threads.Count > 64)
            {
                _notes.Add("partial order: not applied to more than 64 threads");
            }
            else
            {
                _footprints = new StepFootprints(program);
            }
        }
    }

    /// <summary>True when sleep sets are kept.</summary>
    public bool PartialOrder => _footprints is not null;

    public IReadOnlyList<InterchangeableThreads> Interchangeable => _symmetry?.Groups ?? [];

    /// <summary>Why a reduction asked for was not applied.</summary>
    public IReadOnlyList<string> Notes => _notes;

    /// <summary>The key of the kernel's present state in the visited set: its hash with the interchangeable threads sorted, when some are.</summary>
    public ulong Key() => _keys.Key(_kernel);

    /// <summary>The threads of <paramref name="candidates"/> whose next step commutes with <paramref name="thread"/>'s: they sleep after it.</summary>
    public ulong SleepAfter(int thread, ulong candidates, long[] data)
    {
        if (_footprints is null || candidates == 0)
        {
            return 0;
        }

        var step = _footprints.At(thread, data[_kernel.Layout.ThreadField(thread, StateLayout.PcField)]);
        ulong sleep = 0;
        for (var rest = candidates; rest != 0; rest &= rest - 1)
        {
            var other = BitOperations.TrailingZeroCount(rest);
            if (step.CommutesWith(_footprints.At(other, data[_kernel.Layout.ThreadField(other, StateLayout.PcField)])))
            {
                sleep |= 1UL << other;
            }
        }

        return sleep;
    }

    /// <summary>A sleep set of the state just keyed, in the canonical names its key was made with.</summary>
    public ulong CanonicalNames(ulong sleep) => _symmetry is null ? sleep : Rename(sleep, _symmetry.Renamed, toCanonical: true);

    /// <summary>A stored sleep set in the names of the state just loaded (its key is made again to learn them).</summary>
    public ulong RealNames(ulong stored)
    {
        if (_symmetry is null || stored == 0)
        {
            return stored;
        }

        _symmetry.Key(_kernel);
        return Rename(stored, _symmetry.Renamed, toCanonical: false);
    }

    private static ulong Rename(ulong set, int[] renamed, bool toCanonical)
    {
        ulong result = 0;
        for (var t = 0; t < renamed.Length; t++)
        {
            var (from, to) = toCanonical ? (t, renamed[t]) : (renamed[t], t);
            if ((set & (1UL << from)) != 0)
            {
                result |= 1UL << to;
            }
        }

        return result;
    }
}
