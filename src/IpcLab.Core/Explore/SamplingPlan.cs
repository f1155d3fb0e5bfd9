using IpcLab.Core.Model;
using IpcLab.Core.Runtime;
using IpcLab.Core.Scheduling;

namespace IpcLab.Core.Explore;

/// <summary>
/// Which scheduler each seed of a check gets: a function of the seed and the options only, so a
/// run is the same whichever worker makes it.
/// </summary>
public sealed class SamplingPlan
{
    /// <summary>The sticky walk's switch rate when asked for alone: one step in this many.</summary>
    public const int StickySwitch = 8;

    // The portfolio's round of eight seeds. Measured over 10,000 seeds each: a uniformly random
    // schedule finds a lost update in half of its runs and the P=C=3, B=2 one-condition-variable
    // deadlock in about one run of 10,000; the sticky walks find that deadlock in 0.7-0.9% of runs
    // and Cargill's in half, but a race in 3-6%; PCT lies between. Five seeds of eight go to the
    // walks (the deadlock then shows in about 5 of 1000 runs), two to random choices (a race
    // that shows in one run of 20 still shows about 6 times in 1000).
    private static readonly Pick[] s_portfolio =
    [
        new(SamplingStrategy.Random, 0),
        new(SamplingStrategy.Sticky, 8),
        new(SamplingStrategy.Pct, 3),
        new(SamplingStrategy.Sticky, 12),
        new(SamplingStrategy.Random, 0),
        new(SamplingStrategy.Sticky, 6),
        new(SamplingStrategy.Sticky, 16),
        new(SamplingStrategy.Sticky, 8),
    ];

    private readonly CheckOptions _options;
    private readonly int _threads;
    private readonly IReadOnlyList<ScheduleEntry> _injections;

    private SamplingPlan(CheckOptions options, int threads, int expectedSteps, IReadOnlyList<ScheduleEntry> injections)
    {
        _options = options;
        _threads = threads;
        ExpectedSteps = expectedSteps;
        _injections = injections;
    }

    /// <summary>True when the runs inject spurious wake-ups or crashes (<see cref="SampledInjections"/>).</summary>
    public bool Injects => _injections.Count > 0;

    /// <summary>About how many steps a run of the program takes (one round-robin run): PCT's change points fall among them.</summary>
    public int ExpectedSteps { get; }

    /// <summary>The plan for <paramref name="program"/>: measures one round-robin run when PCT needs its length.</summary>
    public static SamplingPlan For(CompiledProgram program, CheckOptions options)
    {
        if (options.PctDepth < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.PctDepth, "the PCT depth must be at least 1");
        }

        var injections = InjectedChoices.Of(program, new ExploreOptions
        {
            SpuriousWakeups = options.SpuriousWakeups,
            CrashThreads = options.CrashThreads,
            CrashProcesses = options.CrashProcesses,
        });
        var expected = 0;
        if (options.Strategy is SamplingStrategy.Pct or SamplingStrategy.Portfolio || injections.Count > 0)
        {
            var kernel = new Kernel(program, new KernelOptions { MaxSteps = options.MaxSteps, RecordEvents = false, RecordSchedule = false, CheckInvariants = false });
            expected = Runner.Run(kernel, new RoundRobinScheduler()).Steps;
        }

        return new SamplingPlan(options, program.Threads.Count, expected, injections);
    }

    /// <summary>The scheduler of the run with <paramref name="seed"/>.</summary>
    public IScheduler SchedulerFor(ulong seed)
    {
        var pick = PickFor(seed);
        return pick.Strategy switch
        {
            SamplingStrategy.Pct => new PctScheduler(seed, _threads, pick.Parameter, ExpectedSteps, _options.RandomWaiters),
            SamplingStrategy.Sticky => new StickyScheduler(seed, pick.Parameter, _options.RandomWaiters),
            _ => new RandomScheduler(seed, _options.RandomWaiters),
        };
    }

    /// <summary>The injections of the run with <paramref name="seed"/>, or null when the check makes none.</summary>
    internal SampledInjections? InjectionsFor(ulong seed) => Injects ? new SampledInjections(_injections, seed, ExpectedSteps) : null;

    /// <summary>The scheduler of a seed in words, for a report: "random", "pct depth 3", "sticky 1/8".</summary>
    public string Describe(ulong seed) => PickFor(seed) switch
    {
        { Strategy: SamplingStrategy.Pct } p => $"pct depth {p.Parameter}",
        { Strategy: SamplingStrategy.Sticky } p => $"sticky 1/{p.Parameter}",
        _ => "random",
    };

    private Pick PickFor(ulong seed) => _options.Strategy switch
    {
        SamplingStrategy.Random => s_portfolio[0],
        SamplingStrategy.Pct => new Pick(SamplingStrategy.Pct, _options.PctDepth),
        SamplingStrategy.Sticky => new Pick(SamplingStrategy.Sticky, StickySwitch),
        _ => s_portfolio[(int)(seed % (ulong)s_portfolio.Length)],
    };

    /// <summary>One kind of scheduler and its parameter: the PCT depth, or the sticky walk's switch rate.</summary>
    private readonly record struct Pick(SamplingStrategy Strategy, int Parameter);
}
