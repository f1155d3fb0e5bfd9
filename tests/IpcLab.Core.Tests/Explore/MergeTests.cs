using FsCheck;
using FsCheck.Fluent;
using IpcLab.Core.Explore;
using IpcLab.Core.Model;
using IpcLab.Core.Runtime;
using IpcLab.Core.Tests.KernelTests;

namespace IpcLab.Core.Tests.Explore;

/// <summary>
/// The merging reduction (<see cref="ExploreOptions.Merge"/>): a thread's invisible steps are taken
/// with its next step. It finds what the full search finds, at the same shortest lengths in steps,
/// with fewer states, and spells its runs step by step.
/// </summary>
public class MergeTests
{
    // Two threads of two invisible steps each (a local never read, then the end of the thread). Hand-counted:
    // each thread's transition is both its steps, so a thread is before or after them: 2 x 2 = 4
    // states, 4 transitions (2 from the start, 1 from each half-way state), every one merging one
    // step; the farthest state is 4 steps away. With symmetry the two half-way states are one:
    // 3 states, and 3 transitions are tried (2 from the start, 1 from the half-way state).
    private const string TwoLocalSteps = """
        thread w * 2:
            y = 1
            pass
        """;

    private const string BoundedBuffer = """
        queue buffer capacity 1
        mutex m
        cond notFull, notEmpty

        thread producer * 2:
            for i in 1..2:
                lock m
                while full(buffer):
                    wait notFull, m
                put buffer, i
                signal notEmpty
                unlock m

        thread consumer * 2:
            repeat 2:
                lock m
                while empty(buffer):
                    wait notEmpty, m
                take buffer -> job
                signal notFull
                unlock m

        expect empty(buffer), "every item put was taken"
        """;

    private static readonly ExploreOptions Full = new() { MaxStates = 20_000, MaxSteps = 200 };

    [Fact]
    public void Explore_TwoThreadsOfInvisibleSteps_HandCountedStatesAndTransitions()
    {
        var program = KernelTestKit.Compile(TwoLocalSteps);

        var merged = Explorer.Explore(program, Full with { Merge = true });
        var both = Explorer.Explore(program, Full with { Merge = true, Symmetry = true });

        Assert.Equal((4, 4L, 4L, 4), (merged.States, merged.Transitions, merged.MergedSteps, merged.Depth));
        Assert.Equal((3, 3L), (both.States, both.Transitions));
        Assert.Equal(1, merged.FinalStates);
    }

    [Fact]
    public void InvisibleSteps_BoundedBuffer_GuardedTestsAndPutsAreInvisibleLockSignalUnlockAreNot()
    {
        var program = KernelTestKit.Compile(BoundedBuffer);
        var (steps, whyNot) = InvisibleSteps.Of(program);

        Assert.Null(whyNot);
        var producer = program.Threads[0];
        var invisible = producer.Code.Select((instr, pc) => (instr.Op, steps!.At(0, pc)))
            .Where(x => x.Item2).Select(x => x.Op.ToString()).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(["Branch", "ForInit", "ForNext", "Put"], invisible);
    }

    [Fact]
    public void InvisibleSteps_UnguardedSharedCounter_ItsLoadsAndStoresAreVisible()
    {
        var program = KernelTestKit.Compile("shared count = 0\n\nthread adder * 2:\n    count = count + 1\n    y = 2\n");
        var (steps, _) = InvisibleSteps.Of(program);

        var ops = program.Threads[0].Code.Select((instr, pc) => $"{instr.Op}:{steps!.At(0, pc)}");
        Assert.Equal(["Load:False", "Store:False", "SetLocal:True"], ops);
    }

    [Fact]
    public void Explore_BoundedBufferWithMerge_FewerStatesSameVerdictAndDepth()
    {
        var program = KernelTestKit.Compile(BoundedBuffer);

        var full = Explorer.Explore(program, Full with { MaxStates = 200_000 });
        var merged = Explorer.Explore(program, Full with { MaxStates = 200_000, Merge = true });

        Assert.True(full.IsExhaustive && merged.IsExhaustive);
        Assert.Empty(merged.Findings);
        Assert.Equal(full.Depth, merged.Depth);

        // The consumers' `job` is written and never read: the final states differ only there, and merge into one.
        Assert.Equal((3, 1), (full.FinalStates, merged.FinalStates));
        Assert.True(merged.States * 3 < full.States * 2, $"{merged.States} states merged, {full.States} without");
    }

    [Fact]
    public void Explore_LoopOfInvisibleStepsOnly_EndsWithoutReachingTheStepBound()
    {
        var program = KernelTestKit.Compile("thread spin:\n    while true:\n        pass\n");

        var report = Explorer.Explore(program, Full with { Merge = true, MaxSteps = 10_000 });

        Assert.True(report.IsExhaustive);
        Assert.True(report.States < 5, $"{report.States} states");
    }

    [Fact]
    public void Explore_MergeWithSpuriousWakeups_NotAppliedAndSaysWhy()
    {
        var program = KernelTestKit.Compile(BoundedBuffer);

        var report = Explorer.Explore(program, Full with { MaxStates = 200_000, Merge = true, SpuriousWakeups = true });

        Assert.Contains(report.ReductionNotes, n => n.StartsWith("merge: not applied", StringComparison.Ordinal));
        Assert.Equal(0, report.MergedSteps);
    }

    [Theory]
    [MemberData(nameof(ReductionTests.SmallLessons), MemberType = typeof(ReductionTests))]
    public void Explore_LessonWithMerge_SameFindingsAtTheSameShortestLengths(string lesson)
    {
        var program = KernelTestKit.CompileLesson(lesson);
        var full = Explorer.Explore(program, Full);
        if (!full.IsExhaustive)
        {
            return; // too big to compare here: compared where the full search ends
        }

        AssertSameAsFull(lesson, program, full);
    }

    [Fact]
    public void Explore_GeneratedProgramWithMerge_SameFindingsAtTheSameShortestLengths()
    {
        var compared = 0;
        var merging = 0L;
        Prop.ForAll(SymmetricProgramSpec.Arbitrary(), spec =>
        {
            var program = KernelTestKit.Compile(spec.ToScript());
            var full = Explorer.Explore(program, Full);
            if (full.IsExhaustive)
            {
                compared++;
                merging += AssertSameAsFull(spec.ToString(), program, full);
            }
        }).QuickCheckThrowOnFailure();

        Assert.True(compared >= 50, $"only {compared} of 100 generated programs were small enough to compare");
        Assert.True(merging > 0, "no generated program had a step to merge");
    }

    /// <summary>Compares merging, alone and with symmetry, with the full search; returns the steps merged.</summary>
    private static long AssertSameAsFull(string name, CompiledProgram program, ExploreReport full)
    {
        var verdict = Verdict(full);
        long merged = 0;
        foreach (var symmetry in new[] { false, true })
        {
            var reduced = Explorer.Explore(program, Full with { Merge = true, Symmetry = symmetry });
            var which = $"{name} merged, symmetry {symmetry}";
            Assert.True(reduced.IsExhaustive, which);
            Assert.Equal(verdict, Verdict(reduced));
            Assert.True(reduced.States <= full.States, $"{which}: {reduced.States} states, {full.States} without");
            Assert.True(reduced.FinalStates <= full.FinalStates && (reduced.FinalStates > 0) == (full.FinalStates > 0), $"{which}: {reduced.FinalStates} final states, {full.FinalStates} without");
            if (!symmetry)
            {
                merged += reduced.MergedSteps;
            }

            foreach (var found in reduced.Findings)
            {
                AssertReplays(program, found, which);
            }
        }

        return merged;
    }

    /// <summary>The run spelled is a real schedule, step by step: replayed, it ends with the finding at its last step.</summary>
    private static void AssertReplays(CompiledProgram program, ExploredFinding found, string which)
    {
        var kernel = new Kernel(program, new KernelOptions { CheckInvariants = true, MaxSteps = 1000 });
        var result = Scheduling.Runner.Replay(kernel, found.Schedule);
        Assert.True(result.Findings.Any(f => f.Kind == found.Kind && f.Step == found.Schedule.Count), $"{which}: the run to the {found.Kind} does not replay to it");
    }

    private static string Verdict(ExploreReport report) =>
        string.Join(", ", report.Findings.Select(f => $"{f.Kind} in {f.Schedule.Count}").Order(StringComparer.Ordinal));
}
