using System.CommandLine;
using IpcLab.Core.Persistence;
using IpcLab.Core.Scheduling;
using IpcLab.Diagnostics;
using IpcLab.Tui;
using IpcLab.Tui.App;
using IpcLab.Tui.Gui;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace IpcLab;

/// <summary>
/// <c>ipclab tui [FILE] [--at N]</c> (and <c>ipclab</c> alone on a terminal): the interactive
/// step-by-step view. FILE is a script, opened on the run screen, or a run saved as JSON, opened at
/// step N of its schedule. Every problem with FILE is reported before the terminal is touched.
/// </summary>
internal static class TuiVerb
{
    /// <summary>True when stdin and stdout are a terminal (not a pipe or a file).</summary>
    public static bool IsTerminal => !Console.IsInputRedirected && !Console.IsOutputRedirected;

    public static Command Command(CliContext context)
    {
        var file = new Argument<string?>("FILE")
        {
            Description = "a script (lessons/*.ipl), a lesson (lessons/NN-name.md) or a run saved as JSON; without it, the list of lessons",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var at = NumberOption.Optional<int>("--at", "N", "the step to open the run at (a saved run replays its schedule up to it)");
        var gui = new Option<bool>("--terminal-gui") { Description = "accepted and ignored: the Terminal.Gui screen is the only interactive screen now", Hidden = true };
        var theme = new Option<string?>("--theme") { Description = "colours of the screen: default, projector (high contrast) or colorblind; remembered for the next start", HelpName = "NAME" };
        var cmd = new Command("tui", "The interactive step-by-step terminal view (q quits, ? lists the keys).") { file, at, gui, theme };
        cmd.SetAction(p => Execute(p.GetValue(file), p.GetValue(at), context, p.GetValue(theme)));
        return cmd;
    }

    /// <summary>
    /// Opens the TUI. An exception inside it (a bug) leaves it with the terminal already given
    /// back, and the command reports it as an internal error.
    /// </summary>
    public static int Execute(string? file, int? at, CliContext context, string? themeName = null)
    {
        var theme = themeName is null ? (ScreenTheme?)null : ScreenThemes.Parse(themeName)
            ?? throw new InputException($"--theme must be one of {string.Join(", ", ScreenThemes.Names)} (not \"{themeName}\")");
        var state = Open(file, at, context.Logger);
        if (!IsTerminal)
        {
            throw new InputException("the terminal view needs a terminal (stdin and stdout are redirected); use `ipclab run FILE` in pipes and scripts");
        }

        TuiLessons.Attach(state, CliEnvironment.Process);
        CliLog.OpeningTui(context.Logger, file ?? "the list of programs");
        return GuiTui.Run(state, context.LoggerFor("IpcLab.Tui"), theme);
    }

    /// <summary>The state the TUI opens with. Bad input is an <see cref="InputException"/> (file:line:col for scripts).</summary>
    public static TuiState Open(string? file, int? at, ILogger? log = null)
    {
        log ??= NullLogger.Instance;
        var lessons = LessonMenu.Entries();
        var first = Math.Max(0, lessons.Select(l => l.Name).ToList().IndexOf("bounded-buffer"));
        var state = new TuiState
        {
            Lessons = lessons,
            LessonIndex = first,
            Status = "↑/↓ choose a program, Enter opens it, ? lists every key, q quits",
        };
        if (at < 0)
        {
            throw new InputException("--at must be a step number, 0 or more");
        }

        if (file is null)
        {
            return at is null ? state : throw new InputException("--at N needs a FILE to open");
        }

        InputFiles.CheckName(file, "FILE");

        if (file.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
        {
            if (at is not null)
            {
                throw new InputException("--at N opens a script or a saved run, not a lesson (a lesson opens at step 0 of its first program)");
            }

            Tui.App.LessonOpener.Open(state, LessonFiles.Load(file));
        }
        else if (file.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            OpenSaved(state, file, at, log);
        }
        else
        {
            var session = RunFiles.NewSession(InputFiles.LoadScript(file, log));
            var reached = session.GoTo(at ?? 0);
            var status = StatusText.AtStep(session);
            RunFiles.Show(state, session, file, reached < at ? $"the run stops before step {at}: {status}" : status);
        }

        return state;
    }

    private static void OpenSaved(TuiState state, string file, int? at, ILogger log)
    {
        var saved = InputFiles.LoadRun(file, log);
        var program = InputFiles.Compile(saved.ScriptFile, saved.Script, log);
        IReadOnlyList<Core.Runtime.ScheduleEntry> schedule;
        try
        {
            schedule = saved.ResolveSchedule(program, file);
        }
        catch (SavedRunException e)
        {
            throw new InputException(e.Message);
        }

        var session = RunFiles.NewSession(program, schedule.Count);
        if (RunFiles.ParseScheduler(saved.Scheduler) is { } scheduler)
        {
            session.UseScheduler(scheduler.Kind, scheduler.Seed);
        }

        try
        {
            session.Load(schedule, at);
        }
        catch (ReplayException e)
        {
            throw new InputException($"{file}: the saved schedule does not fit the scenario: {e.Message}");
        }

        CheckSameEvents(saved, RunFiles.ToSavedRun(session), file);
        var where = at > schedule.Count ? $"it has {schedule.Count} steps, so at its end" : $"at step {session.Position} of {schedule.Count}";
        RunFiles.Show(state, session, saved.ScriptFile, $"opened {file} {where} (space redoes the next step, b goes back): {StatusText.AtStep(session)}");
        state.SavedTimeline = [.. session.Timeline];
    }

    /// <summary>A saved run that carries its events must replay to exactly those events.</summary>
    private static void CheckSameEvents(SavedRun saved, SavedRun replayed, string file)
    {
        if (saved.Events.Count == 0)
        {
            return;
        }

        for (var i = 0; i < Math.Max(saved.Events.Count, replayed.Events.Count); i++)
        {
            var want = i < saved.Events.Count ? saved.Events[i] : "(no event)";
            var got = i < replayed.Events.Count ? replayed.Events[i] : "(no event)";
            if (want != got)
            {
                throw new InputException($"{file}: the replay differs from the saved run at event {i + 1}: saved \"{want}\", replayed \"{got}\"");
            }
        }
    }
}
