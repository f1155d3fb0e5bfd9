using FsCheck;
using FsCheck.Fluent;
using IpcLab.Core.Explore;
using IpcLab.Core.Model;
using IpcLab.Core.Tests.KernelTests;

namespace IpcLab.Core.Tests.Explore;

/// <summary>
/// The explorer's reductions find what the full search finds: the same kinds of finding at the
/// same shortest lengths; the partial-order reduction also the same states, final states and
/// depth (it saves steps, not states); the symmetry reduction never more states.
/// </summary>
public class ReductionTests
{
    // Two threads of one block: a local step, then a step that ends the thread. Hand-counted:
    // each thread is before, between or after its two steps, so 3 x 3 = 9 states and 12 steps
    // (each of the 6 states where a given thread has not ended lets it step). With symmetry the
    // pairs {a, b} count once: 6 states, and 8 steps are taken from them. With sleep sets, from
    // the start the second thread's local step commutes with the first's: after it, the first's
    // local step sleeps, so one step is skipped.
    private const string TwoLocalSteps = """
        thread w * 2:
            y = 1
            pass
        """;

    private static readonly ExploreOptions Full = new() { MaxStates = 20_000, MaxSteps = 200 };

    [Fact]
    public void Explore_TwoInterchangeableThreads_HandCountedStatesAndSteps()
    {
        var program = KernelTestKit.Compile(TwoLocalSteps);

        var full = Explorer.Explore(program, Full);
        var symmetric = Explorer.Explore(program, Full with { Symmetry = true });
        var sleeping = Explorer.Explore(program, Full with { PartialOrder = true });
        var both = Explorer.Explore(program, Full with { Symmetry = true, PartialOrder = true });

        Assert.Equal((9, 12L, 0L), (full.States, full.Transitions, full.SkippedSteps));
        Assert.Equal((6, 8L, 0L), (symmetric.States, symmetric.Transitions, symmetric.SkippedSteps));
        Assert.Equal((9, 11L, 1L), (sleeping.States, sleeping.Transitions, sleeping.SkippedSteps));
        Assert.Equal((6, 8L), (both.States, both.Transitions));
        Assert.Equal([new InterchangeableThreads("w", 2)], symmetric.Interchangeable);
    }

    [Fact]
    public void Explore_ThreeInterchangeableOneStepThreads_CountsHowManyEndedNotWhich()
    {
        // Full: each thread ended or not, 2^3 = 8 states; with symmetry only how many ended, 4.
        var program = KernelTestKit.Compile("thread w * 3:\n    pass\n");

        Assert.Equal(8, Explorer.Explore(program, Full).States);
        Assert.Equal(4, Explorer.Explore(program, Full with { Symmetry = true }).States);
    }

    [Fact]
    public void Explore_ThreadsThatNameThemselves_SymmetryNotAppliedAndSaysWhy()
    {
        var program = KernelTestKit.Compile("shared who = \"\"\n\nthread w * 2:\n    who = self\n");

        var report = Explorer.Explore(program, Full with { Symmetry = true });

        Assert.Empty(report.Interchangeable);
        Assert.Equal(Explorer.Explore(program, Full).States, report.States);
        Assert.Contains(report.ReductionNotes, n => n.Contains("self", StringComparison.Ordinal));
    }

    [Fact]
    public void Explore_TwoProcessesWrittenAlike_TheirThreadsInterchangeableWithHandCountedStates()
    {
        // The two threads of TwoLocalSteps, each in a process of its own written alike: the same
        // 9 states, and 6 with symmetry.
        var program = KernelTestKit.Compile("""
            process east:
                thread e:
                    y = 1
                    pass

            process west:
                thread w:
                    y = 1
                    pass
            """);

        var full = Explorer.Explore(program, Full);
        var symmetric = Explorer.Explore(program, Full with { Symmetry = true });

        Assert.Equal((9, 12L), (full.States, full.Transitions));
        Assert.Equal((6, 8L), (symmetric.States, symmetric.Transitions));
        Assert.Equal("e and w", Assert.Single(symmetric.Interchangeable).ToString());
    }

    [Fact]
    public void Explore_ProcessesWithObjectsOfTheirOwn_NotRenamed()
    {
        // Each `m` is its process's own mutex: e and w do not use the same object, so they are not interchangeable.
        var program = KernelTestKit.Compile("""
            process east:
                mutex m
                thread e:
                    lock m
                    unlock m

            process west:
                mutex m
                thread w:
                    lock m
                    unlock m
            """);

        var report = Explorer.Explore(program, Full with { Symmetry = true });

        Assert.Empty(report.Interchangeable);
        Assert.Equal(Explorer.Explore(program, Full).States, report.States);
    }

    [Fact]
    public void Explore_ProcessThatCrashesItself_ItsThreadsNotMovedToAnotherProcess()
    {
        // A crash stops every thread of its process: t and u may not trade processes while the
        // crashing threads stay, so only the processes that never crash, spawn or exit are swapped.
        var program = KernelTestKit.Compile("""
            shared x = 0

            process east:
                thread t:
                    x = 1
                thread c:
                    crash

            process west:
                thread u:
                    x = 1
                thread d:
                    crash
            """);

        var report = Explorer.Explore(program, Full with { Symmetry = true });

        Assert.Empty(report.Interchangeable);
    }

    [Fact]
    public void Explore_GeneratedProgramInProcessesWrittenAlike_SameFindingsAtTheSameShortestLengthsAndNoMoreStates()
    {
        // Each block is written twice, so at most two threads a block keeps the programs small enough.
        var compared = 0;
        var small = Arb.From(SymmetricProgramSpec.Arbitrary().Generator.Where(s => s.Blocks.Sum(b => b.Count) <= 2));
        Prop.ForAll(small, spec =>
        {
            var program = KernelTestKit.Compile(spec.ToProcessScript());
            var full = Explorer.Explore(program, Full);
            if (full.IsExhaustive)
            {
                compared++;
                AssertSameAsFull(spec.ToProcessScript(), program, full);
                var symmetric = Explorer.Explore(program, Full with { Symmetry = true });
                Assert.NotEmpty(symmetric.Interchangeable);
                Assert.True(symmetric.States <= full.States, $"{symmetric.States} states with symmetry, {full.States} without:\n{spec.ToProcessScript()}");
            }
        }).QuickCheckThrowOnFailure();

        Assert.True(compared >= 50, $"only {compared} of 100 generated programs were small enough to compare");
    }

    public static TheoryData<string> SmallLessons()
    {
        var data = new TheoryData<string>();
        foreach (var lesson in KernelTestKit.LessonFiles())
        {
            data.Add(lesson);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SmallLessons))]
    public void Explore_LessonWithEachReduction_SameFindingsAtTheSameShortestLengths(string lesson)
    {
        var program = KernelTestKit.CompileLesson(lesson);
        var full = Explorer.Explore(program, Full);
        if (!full.IsExhaustive)
        {
            return; // too big to compare here: the reductions are compared where the full search ends
        }

        AssertSameAsFull(lesson, program, full);
    }

    [Fact]
    public void Explore_GeneratedProgramWithEachReduction_SameFindingsAtTheSameShortestLengths()
    {
        var compared = 0;
        Prop.ForAll(SymmetricProgramSpec.Arbitrary(), spec =>
        {
            var program = KernelTestKit.Compile(spec.ToScript());
            var full = Explorer.Explore(program, Full);
            if (full.IsExhaustive)
            {
                compared++;
                AssertSameAsFull(spec.ToString(), program, full);
            }
        }).QuickCheckThrowOnFailure();

        Assert.True(compared >= 50, $"only {compared} of 100 generated programs were small enough to compare");
    }

    private static void AssertSameAsFull(string name, CompiledProgram program, ExploreReport full)
    {
        var verdict = Verdict(full);
        foreach (var (symmetry, partialOrder) in new[] { (true, false), (false, true), (true, true) })
        {
            var reduced = Explorer.Explore(program, Full with { Symmetry = symmetry, PartialOrder = partialOrder });
            var which = $"{name} with symmetry {symmetry}, partial order {partialOrder}";
            Assert.True(reduced.IsExhaustive, which);
            Assert.Equal(verdict, Verdict(reduced));
            Assert.True(reduced.States <= full.States, $"{which}: {reduced.States} states, {full.States} without");
            Assert.True(reduced.Transitions <= full.Transitions, $"{which}: {reduced.Transitions} steps, {full.Transitions} without");
            if (!symmetry)
            {
                Assert.Equal((full.States, full.FinalStates, full.Depth), (reduced.States, reduced.FinalStates, reduced.Depth));
            }
        }
    }

    /// <summary>Each kind of finding with its shortest length, as text so a failure shows both.</summary>
    private static string Verdict(ExploreReport report) =>
        string.Join(", ", report.Findings.Select(f => $"{f.Kind} in {f.Schedule.Count}").Order(StringComparer.Ordinal));
}
