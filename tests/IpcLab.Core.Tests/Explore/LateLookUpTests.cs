using FsCheck;
using FsCheck.Fluent;
using IpcLab.Core.Explore;
using IpcLab.Core.Tests.KernelTests;

namespace IpcLab.Core.Tests.Explore;

/// <summary>
/// The search looks a state's successors up after the next state's expansion, and undoes that
/// expansion when the look-ups stop the search. The report must be the one of looking each state's
/// successors up at once, wherever the search stops: same counts, same findings, same runs.
/// </summary>
public class LateLookUpTests
{
    private static readonly ExploreOptions Full = new() { MaxStates = 20_000, MaxSteps = 200 };

    [Fact]
    public void Explore_StoppedAtAnyStateCount_SameReportAsLookingUpAtOnce()
    {
        var compared = 0;
        Prop.ForAll(SymmetricProgramSpec.Arbitrary(), Gen.Choose(0, 1000).ToArbitrary(), (spec, fraction) =>
        {
            var program = KernelTestKit.Compile(spec.ToScript());
            var whole = Explorer.Explore(program, Full);
            if (!whole.IsExhaustive)
            {
                return;
            }

            compared++;
            var stopAt = Math.Max(1, whole.States * fraction / 1000);
            foreach (var options in new[] { Full, Full with { MaxStates = stopAt }, Full with { MaxStates = stopAt, SpuriousWakeups = true }, Full with { MaxSteps = 3 + (fraction % 7) } })
            {
                var late = Explorer.Explore(program, options);
                var atOnce = Explorer.Explore(program, options with { LookUpLate = false });
                Assert.Equal(Summary(atOnce), Summary(late));
            }
        }).QuickCheckThrowOnFailure();

        Assert.True(compared >= 50, $"only {compared} of 100 generated programs were small enough to compare");
    }

    // Two threads that lock two mutexes in opposite orders: some schedules deadlock, the others end.
    private const string OppositeOrders = """
        mutex a, b

        thread left:
            lock a
            lock b
            unlock b
            unlock a

        thread right:
            lock b
            lock a
            unlock a
            unlock b
        """;

    [Theory]
    [InlineData(OppositeOrders, false)]
    [InlineData(WaitWithIfProgram.Text, true)]
    public void Explore_StoppedOnEveryStateOfAProgramWithFindings_SameReportAsLookingUpAtOnce(string text, bool spurious)
    {
        // Findings are kept, and undone, around every place the search can stop.
        var program = KernelTestKit.Compile(text);
        var whole = Explorer.Explore(program, Full with { SpuriousWakeups = spurious });
        Assert.True(whole.IsExhaustive);
        Assert.NotEmpty(whole.Findings);
        for (var stopAt = 1; stopAt <= whole.States; stopAt++)
        {
            var options = Full with { MaxStates = stopAt, SpuriousWakeups = spurious };
            Assert.Equal(Summary(Explorer.Explore(program, options with { LookUpLate = false })), Summary(Explorer.Explore(program, options)));
        }
    }

    private static string Summary(ExploreReport r) =>
        $"{r.States} states, {r.Transitions} transitions, depth {r.Depth}, {r.FinalStates} finals, {r.DepthCut} cut, {r.Stop}; "
        + string.Join("; ", r.Findings.Select(f => $"{f.Kind} in {f.Schedule.Count}: {string.Join(' ', f.Schedule)}"));
}
