using IpcLab.Core.Runtime;

namespace IpcLab.Core.Explore;

/// <summary>
/// What one worker's runs amounted to: the distinct final states, how many runs found something,
/// the lowest seed that did and the shortest such run (the lowest seed among equally short ones).
/// Tallies merge into the same figures whatever way the seeds were shared out.
/// </summary>
internal sealed class SampleTally
{
    public HashSet<ulong> Finals { get; } = [];

    public int RunsWithFindings { get; private set; }

    /// <summary>The lowest seed whose run found something, with its length and the kind it found first.</summary>
    public (ulong Seed, int Steps, FindingKind Kind)? First { get; private set; }

    /// <summary>The shortest run that found something (the lowest seed among equally short ones).</summary>
    public (ulong Seed, int Steps, FindingKind Kind)? Shortest { get; private set; }

    public void AddFinal(ulong stateHash) => Finals.Add(stateHash);

    public void AddFinding(ulong seed, int steps, FindingKind kind)
    {
        RunsWithFindings++;
        Consider((seed, steps, kind));
    }

    /// <summary>Adds another worker's tally to this one.</summary>
    public void Merge(SampleTally other)
    {
        Finals.UnionWith(other.Finals);
        RunsWithFindings += other.RunsWithFindings;
        Consider(other.First);
        Consider(other.Shortest);
    }

    private void Consider((ulong Seed, int Steps, FindingKind Kind)? run)
    {
        if (run is not { } found)
        {
            return;
        }

        if (First is not { } first || found.Seed < first.Seed)
        {
            First = found;
        }

        if (Shortest is not { } shortest || found.Steps < shortest.Steps || (found.Steps == shortest.Steps && found.Seed < shortest.Seed))
        {
            Shortest = found;
        }
    }
}
