using System.CommandLine;
using IpcLab.Core.Explore;

namespace IpcLab;

/// <summary>
/// The <c>ipclab</c> command line. Exit codes: 0 the run (or every run) ended cleanly; 1 a
/// finding (deadlock, fault, failed assertion or final check, step budget); 2 bad input or usage;
/// 128 + N when signal N (SIGINT, SIGTERM, SIGHUP, SIGQUIT) stopped a file being written.
/// </summary>
public static class Cli
{
    public static int Execute(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var root = new RootCommand("IpcLab: an educational simulator of inter-process communication. Alone, opens the interactive view on a terminal, or lists the lessons in a pipe.");
        root.SetAction(_ => ReferenceEquals(stdout, Console.Out) && TuiVerb.IsTerminal ? TuiVerb.Execute(null, null, stderr) : LessonMenu.Execute(stdout));
        root.Subcommands.Add(RunCommand(stdout, stderr));
        root.Subcommands.Add(CheckCommand(stdout));
        root.Subcommands.Add(TuiVerb.Command(stderr));

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
            return parsed.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        }
        catch (InputException e)
        {
            stderr.WriteLine($"ipclab: {TerminalText.Visible(e.Message)}");
            return e.ExitCode;
        }
    }

    private static Command RunCommand(TextWriter stdout, TextWriter stderr)
    {
        var file = new Argument<string>("FILE") { Description = "the script to run (lessons/*.ipl)" };
        var seed = new Option<ulong?>("--seed") { HelpName = "N", Description = "seeded random scheduler (the default, with seed 1)" };
        var roundRobin = new Option<bool>("--round-robin") { Description = "each ready thread in turn" };
        var replay = new Option<string?>("--replay") { HelpName = "RUN.json", Description = "replay a run saved with --save, event for event" };
        var maxSteps = MaxSteps();
        var trace = new Option<string?>("--trace") { HelpName = "OUT.jsonl", Description = "write every event as JSON Lines to this file" };
        var save = new Option<string?>("--save") { HelpName = "RUN.json", Description = "save the scenario and schedule (JSON) to replay later" };
        var cmd = new Command("run", "Run a script once and print every step, then a summary.") { file, seed, roundRobin, replay, maxSteps, trace, save };
        cmd.SetAction(p => RunVerb.Execute(
            new RunVerb.Options(p.GetValue(file)!, p.GetValue(seed), p.GetValue(roundRobin), p.GetValue(replay), p.GetValue(maxSteps), p.GetValue(trace), p.GetValue(save)),
            stdout,
            stderr));
        return cmd;
    }

    private static Command CheckCommand(TextWriter stdout)
    {
        var file = new Argument<string>("FILE") { Description = "the script to check" };
        var runs = new Option<int>("--runs") { HelpName = "N", Description = "how many random schedules to try", DefaultValueFactory = _ => CheckOptions.DefaultRuns };
        var seed = new Option<ulong>("--seed") { HelpName = "S", Description = "the first seed (run i uses seed + i)", DefaultValueFactory = _ => 1UL };
        var maxSteps = MaxSteps();
        var randomWaiters = new Option<bool>("--random-waiters") { Description = "also choose at random which waiter a signal wakes" };
        var save = new Option<string?>("--save") { HelpName = "RUN.json", Description = "save the shrunk failing run (JSON) to replay it" };
        var cmd = new Command("check", "Search seeded random schedules for deadlocks, faults and failed checks.") { file, runs, seed, maxSteps, randomWaiters, save };
        cmd.SetAction(p => CheckVerb.Execute(
            new CheckVerb.Options(p.GetValue(file)!, p.GetValue(runs), p.GetValue(seed), p.GetValue(maxSteps), p.GetValue(randomWaiters), p.GetValue(save)),
            stdout));
        return cmd;
    }

    private static Option<int> MaxSteps() =>
        new("--max-steps") { HelpName = "N", Description = "the step budget of a run", DefaultValueFactory = _ => 10_000 };
}
