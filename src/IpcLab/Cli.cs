using System.CommandLine;
using System.CommandLine.Parsing;
using IpcLab.Core.Explore;
using IpcLab.Diagnostics;

namespace IpcLab;

/// <summary>
/// The <c>ipclab</c> command line. Exit codes: 0 the run (or every run) ended cleanly; 1 a
/// finding (deadlock, fault, failed assertion or final check, step budget); 2 bad input or usage;
/// 70 an internal error (a bug in IpcLab: one sentence on stderr, the details in a log file);
/// 128 + N when signal N (SIGINT, SIGTERM, SIGHUP, SIGQUIT) stopped a file being written.
/// </summary>
public static class Cli
{
    public static int Execute(string[] args, TextWriter stdout, TextWriter stderr) =>
        Execute(args, stdout, stderr, CliEnvironment.Process);

    internal static int Execute(string[] args, TextWriter stdout, TextWriter stderr, CliEnvironment env)
    {
        var context = new CliContext(stdout, stderr);
        var log = new Option<string?>("--log") { HelpName = "FILE", Description = $"append a log of what the command does to FILE (or set {LogSettings.FileVariable})", Recursive = true };
        var logLevel = new Option<string?>("--log-level")
        {
            HelpName = "LEVEL",
            Description = $"what to log, from the least important: {string.Join('|', LogSettings.LevelNames)} (default {LogSettings.DefaultLevel.ToString().ToLowerInvariant()}; or set {LogSettings.LevelVariable})",
            Recursive = true,
        };
        var root = new RootCommand("IpcLab: an educational simulator of inter-process communication. Alone, opens the interactive view on a terminal, or lists the lessons in a pipe.")
        {
            Options = { log, logLevel },
        };
        root.SetAction(_ => ReferenceEquals(stdout, Console.Out) && TuiVerb.IsTerminal ? TuiVerb.Execute(null, null, context) : LessonMenu.Execute(stdout, stderr, env));
        root.Subcommands.Add(RunCommand(context));
        root.Subcommands.Add(CheckCommand(context));
        root.Subcommands.Add(TuiVerb.Command(context));
        root.Subcommands.Add(LessonVerb.Command(context, env));

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                stderr.WriteLine($"ipclab: {error.Message}");
            }

            stderr.WriteLine("ipclab: see `ipclab --help`");
            return 2;
        }

        try
        {
            context.Logging = CliLogging.Open(LogSettings.From(parsed.GetValue(log), parsed.GetValue(logLevel), env), env.ProcessId, InputsOf(parsed));
        }
        catch (InputException e)
        {
            stderr.WriteLine($"ipclab: {TerminalText.Visible(e.Message)}");
            return e.ExitCode;
        }

        using var logging = context.Logging;
        var verb = parsed.CommandResult.Command;
        var command = verb == root ? "ipclab" : $"ipclab {verb.Name}";
        CliLog.Started(logging.Logger, command, args, Environment.CurrentDirectory);
        var exit = Invoke(parsed, verb.Name, command, args, context, env);
        CliLog.Ended(logging.Logger, command, exit);
        return exit;
    }

    /// <summary>The files the command line names for reading: the verb's FILE argument and a --replay run.</summary>
    private static string[] InputsOf(ParseResult parsed) =>
        [.. parsed.CommandResult.Children
            .SelectMany(child => child switch
            {
                ArgumentResult a => a.Tokens,
                OptionResult { Option.Name: "--replay" } o => o.Tokens,
                _ => [],
            })
            .Select(token => token.Value)
            .Where(path => path.Length > 0)];

    /// <summary>Runs the verb; bad input is exit 2 (128 + N when signal N stopped a write), any other exception an internal error (exit 70).</summary>
    private static int Invoke(ParseResult parsed, string verb, string command, string[] args, CliContext context, CliEnvironment env)
    {
        try
        {
            env.BeforeVerb?.Invoke(verb);
            return parsed.Invoke(new InvocationConfiguration { Output = context.Out, Error = context.Err, EnableDefaultExceptionHandler = false });
        }
        catch (InputException e)
        {
            CliLog.BadInput(context.Logger, e.Message);
            context.Err.WriteLine($"ipclab: {TerminalText.Visible(e.Message)}");
            return e.ExitCode;
        }
        catch (Exception e)
        {
            return CrashReport.Report(e, command, args, context.Logging!, env, context.Err);
        }
    }

    private static Command RunCommand(CliContext context)
    {
        var file = new Argument<string>("FILE") { Description = "the script to run (lessons/*.ipl)" };
        var seed = NumberOption.Optional<ulong>("--seed", "N", "the seed of the random scheduler (the default scheduler, with seed 1)");
        var roundRobin = new Option<bool>("--round-robin") { Description = "each ready thread in turn" };
        var replay = new Option<string?>("--replay") { HelpName = "RUN.json", Description = "replay a run saved with --save, event for event" };
        var maxSteps = MaxSteps();
        var trace = new Option<string?>("--trace") { HelpName = "OUT.jsonl", Description = "write every event as JSON Lines to this file" };
        var save = new Option<string?>("--save") { HelpName = "RUN.json", Description = "save the scenario and schedule (JSON) to replay later" };
        var strategy = new Option<string?>("--strategy") { HelpName = "random|pct|sticky|portfolio", Description = "run the seed the way ipclab check does with this strategy (the command a check's report suggests)" };
        strategy.AcceptOnlyFromAmong("random", "pct", "sticky", "portfolio");
        var pct = NumberOption.Optional<int>("--pct", "D", "with --strategy pct: the PCT depth of the check");
        var randomWaiters = new Option<bool>("--random-waiters") { Description = "with --strategy: the check's --random-waiters" };
        var spurious = new Option<bool>("--spurious") { Description = "with --strategy: the check's --spurious (its injected spurious wake-ups)" };
        var crash = new Option<string[]>("--crash") { HelpName = "NAME", Description = "with --strategy: the check's --crash NAME (repeat for several)" };
        var cmd = new Command("run", "Run a script once and print every step, then a summary.") { file, seed, roundRobin, replay, maxSteps, trace, save, strategy, pct, randomWaiters, spurious, crash };
        cmd.SetAction(p => RunVerb.Execute(
            new RunVerb.Options(p.GetValue(file)!, p.GetValue(seed), p.GetValue(roundRobin), p.GetValue(replay), p.GetValue(maxSteps), p.GetValue(trace), p.GetValue(save))
            {
                Strategy = p.GetValue(strategy),
                PctDepth = p.GetValue(pct),
                RandomWaiters = p.GetValue(randomWaiters),
                Spurious = p.GetValue(spurious),
                Crash = p.GetValue(crash) ?? [],
            },
            context));
        return cmd;
    }

    private static Command CheckCommand(CliContext context)
    {
        var file = new Argument<string>("FILE") { Description = "the script to check" };
        var runs = NumberOption.WithDefault("--runs", "N", "how many random schedules to try", CheckOptions.DefaultRuns);
        var seed = NumberOption.WithDefault("--seed", "S", "the first seed (run i uses seed + i)", 1UL);
        var maxSteps = MaxSteps();
        var randomWaiters = new Option<bool>("--random-waiters") { Description = "also choose at random which waiter a signal wakes" };
        var save = new Option<string?>("--save") { HelpName = "RUN.json", Description = "save the shrunk failing run (JSON) to replay it" };
        var guarantee = new Option<bool>("--guarantee") { Description = "crash a process (or restart the broker) around each send, handle, commit and ack, and judge the delivery guarantee by what is lost or handled twice" };
        var all = new Option<bool>("--all") { Description = "explore every schedule (every thread, every waiter a signal can wake) breadth-first: exact state counts and the shortest run to each finding" };
        var maxStates = NumberOption.WithDefault("--max-states", "N", "with --all: stop after this many distinct states", ExploreOptions.DefaultMaxStates);
        var symmetry = new Option<bool>("--symmetry") { Description = "with --all: explore once the states that differ only by which of several interchangeable threads (thread NAME * N) is which" };
        var partialOrder = new Option<bool>("--partial-order") { Description = "with --all: skip the steps that lead where the same steps in another order already led (steps of different threads on different objects)" };
        var merge = new Option<bool>("--merge") { Description = "with --all: take each thread's steps no other thread can observe together with its next step, and store only the states between (same findings, same shortest lengths in steps)" };
        var maxMemory = NumberOption.Optional<int>("--max-memory", "MB", "with --all: stop once the visited set and the states to expand hold this many megabytes");
        var compare = new Option<bool>("--compare") { Description = "with --all and a reduction: explore again without the reductions and print both counts" };
        var spurious = new Option<bool>("--spurious") { Description = "wake threads waiting on a condition variable without a signal: with --all as a choice from every state, else at one or two random points of each run" };
        var crash = new Option<string[]>("--crash") { HelpName = "NAME", Description = "crash this thread or process (repeat for several): with --all as a choice from every state, else at one or two random points of each run" };
        var strategy = new Option<string?>("--strategy") { HelpName = "random|pct|sticky|portfolio", Description = "how each run's schedule is made from its seed: uniformly random, PCT priorities, a walk that mostly lets a thread go on, or all three in turn (the default)" };
        strategy.AcceptOnlyFromAmong("random", "pct", "sticky", "portfolio");
        var pct = NumberOption.Optional<int>("--pct", "D", "PCT aimed at bugs of depth D (D - 1 priority change points a run); alone it means --strategy pct");
        var workers = NumberOption.Optional<int>("--workers", "N", "how many threads share the runs out (default: one a processor; the report is the same)");
        var cmd = new Command("check", "Search seeded random schedules (or with --all every schedule) for deadlocks, faults and failed checks.") { file, runs, seed, maxSteps, randomWaiters, save, guarantee, all, maxStates, symmetry, partialOrder, compare, spurious, crash, merge, maxMemory, strategy, pct, workers };
        cmd.SetAction(p => CheckVerb.Execute(
            new CheckVerb.Options(p.GetValue(file)!, p.GetValue(runs), p.GetValue(seed), p.GetValue(maxSteps), p.GetValue(randomWaiters), p.GetValue(save), p.GetValue(guarantee), p.GetValue(all), p.GetValue(maxStates))
            {
                Symmetry = p.GetValue(symmetry),
                PartialOrder = p.GetValue(partialOrder),
                Merge = p.GetValue(merge),
                MaxMemory = p.GetValue(maxMemory),
                Compare = p.GetValue(compare),
                Spurious = p.GetValue(spurious),
                Crash = p.GetValue(crash) ?? [],
                Strategy = p.GetValue(strategy),
                PctDepth = p.GetValue(pct),
                Workers = p.GetValue(workers),
            },
            context));
        return cmd;
    }

    private static Option<int> MaxSteps() => NumberOption.WithDefault("--max-steps", "N", "the step budget of a run", 10_000);
}
