using IpcLab.Core.Explore;

namespace IpcLab;

/// <summary>The lines of <c>ipclab check --all</c> that say which reductions were on and what each did.</summary>
internal static class ExploreReductions
{
    public static void PrintReduced(TextWriter o, ExploreReport report, CheckVerb.Options opt)
    {
        if (opt.Symmetry && report.Interchangeable.Count > 0)
        {
            o.WriteLine($"symmetry: {string.Join(", ", report.Interchangeable)} interchangeable; a state stands for every renaming of those threads");
        }

        if (opt.PartialOrder && report.SkippedSteps > 0)
        {
            o.WriteLine($"partial order: {ExploreVerb.Count(report.SkippedSteps, "step")} not taken, each leading where the same steps in another order led");
        }

        foreach (var note in report.ReductionNotes)
        {
            o.WriteLine(note);
        }
    }
}
