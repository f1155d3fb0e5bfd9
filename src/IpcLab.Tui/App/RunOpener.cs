using IpcLab.Core.Persistence;
using IpcLab.Core.Runtime;
using IpcLab.Core.Scheduling;
using IpcLab.Core.Script;
using IpcLab.Core.Sessions;

namespace IpcLab.Tui.App;

/// <summary>
/// Opens a file chosen on the run screen (File › Open): a script at step 0, or a saved run at its
/// end with its whole timeline to step back through. A file that cannot be opened changes
/// nothing; the sentence returned says why (with file:line:column for a script).
/// </summary>
public static class RunOpener
{
    /// <summary>Opens <paramref name="path"/> into the state; returns null, or why it could not be opened.</summary>
    public static string? Open(TuiState state, string path)
    {
        try
        {
            if (path.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            {
                OpenSaved(state, path);
            }
            else
            {
                var session = RunFiles.NewSession(RunFiles.LoadScript(path));
                RunFiles.Show(state, session, path, $"opened {path}: {StatusText.AtStep(session)}");
            }

            return null;
        }
        catch (ScriptError e)
        {
            return e.Message;
        }
        catch (Exception e) when (e is SavedRunException or ReplayException)
        {
            return $"{path}: {e.Message}";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"{path}: cannot read it: {e.Message}";
        }
    }

    private static void OpenSaved(TuiState state, string path)
    {
        var saved = SavedRun.Parse(path, File.ReadAllText(path));
        var program = Compiler.CompileText(saved.ScriptFile, saved.Script);
        var schedule = saved.ResolveSchedule(program, path);
        var session = RunFiles.NewSession(program, schedule.Count);
        if (RunFiles.ParseScheduler(saved.Scheduler) is { } scheduler)
        {
            session.UseScheduler(scheduler.Kind, scheduler.Seed);
        }

        // Loaded to the step before the end and then the last step redone, so that a run ending
        // in a deadlock shows it (Session.Load alone does not conclude at the very end).
        session.Load(schedule, Math.Max(0, schedule.Count - 1));
        session.GoTo(schedule.Count);
        var replayed = RunFiles.ToSavedRun(session).Events;
        if (saved.Events.Count > 0 && !saved.Events.SequenceEqual(replayed))
        {
            throw new SavedRunException("the replay differs from the events saved with the run: the scenario or the kernel has changed since");
        }

        RunFiles.Show(state, session, saved.ScriptFile, $"opened {path} at its end, step {session.Position} (b steps back, 0 goes to its start): {StatusText.AtStep(session)}");
        state.SavedTimeline = [.. session.Timeline];
    }
}
