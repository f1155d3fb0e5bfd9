using IpcLab.Core.Explore;
using IpcLab.Core.Model;

namespace IpcLab;

/// <summary>
/// <c>ipclab run --strategy S --seed N</c>: the run the checker made with that seed, so a seed from
/// a check's report replays without a saved file. The options must be the check's own (--pct,
/// --random-waiters, --spurious, --crash, --max-steps), which the report's suggested command spells.
/// </summary>
internal static class RunSampling
{
    /// <summary>The check's options the run needs, or null without --strategy (then the others are refused).</summary>
    public static CheckOptions? Options(RunVerb.Options opt)
    {
        if (opt.Strategy is null)
        {
            var alone = opt.PctDepth is not null ? "--pct" : opt.RandomWaiters ? "--random-waiters" : opt.Spurious ? "--spurious" : opt.Crash.Count > 0 ? "--crash" : null;
            return alone is null ? null : throw new InputException($"{alone} repeats a check's run: use it with --strategy (and the check's --seed)");
        }

        if (opt.RoundRobin || opt.Replay is not null)
        {
            throw new InputException($"--strategy runs a seed the way ipclab check does: it does not combine with {(opt.RoundRobin ? "--round-robin" : "--replay")}");
        }

        if (opt.PctDepth is < 1)
        {
            throw new InputException("--pct must be at least 1 (the bug depth: 1 is fixed priorities, 2 one change point, ...)");
        }

        return new CheckOptions
        {
            MaxSteps = opt.MaxSteps,
            RandomWaiters = opt.RandomWaiters,
            Strategy = CheckSampling.Strategy(opt.Strategy, opt.PctDepth),
            PctDepth = opt.PctDepth ?? CheckOptions.DefaultPctDepth,
            SpuriousWakeups = opt.Spurious,
        };
    }

    /// <summary>The options with each --crash NAME resolved in <paramref name="program"/>.</summary>
    public static CheckOptions WithCrashes(CheckOptions options, RunVerb.Options opt, CompiledProgram program)
    {
        var crashes = ExploreReductions.WithCrashes(new ExploreOptions(), program, opt.Crash);
        return options with { CrashThreads = crashes.CrashThreads, CrashProcesses = crashes.CrashProcesses };
    }

    /// <summary>"portfolio seed 822 (sticky 1/16)": the scheduler line of the summary.</summary>
    public static string Describe(CompiledProgram program, CheckOptions options, ulong seed)
    {
        var strategy = options.Strategy.ToString().ToLowerInvariant();
        return $"{strategy} seed {seed} ({SamplingPlan.For(program, options).Describe(seed)})";
    }

    /// <summary>The command that makes a check's run of <paramref name="seed"/> again: the strategy, the seed and every option the run depends on.</summary>
    public static string Command(string file, CheckVerb.Options opt, CheckOptions options, ulong seed)
    {
        var words = new List<string> { "ipclab run", file, "--strategy", options.Strategy.ToString().ToLowerInvariant() };
        if (options.Strategy == SamplingStrategy.Pct)
        {
            words.Add($"--pct {options.PctDepth}");
        }

        words.Add($"--seed {seed}");
        if (opt.MaxSteps != 10_000)
        {
            words.Add($"--max-steps {opt.MaxSteps}");
        }

        if (options.RandomWaiters)
        {
            words.Add("--random-waiters");
        }

        if (options.SpuriousWakeups)
        {
            words.Add("--spurious");
        }

        words.AddRange(opt.Crash.Select(name => $"--crash {name}"));
        return string.Join(' ', words);
    }
}
