using System.Globalization;
using IpcLab.Core.Model;
using IpcLab.Core.Persistence;
using IpcLab.Core.Runtime;
using IpcLab.Core.Scheduling;
using IpcLab.Core.Script;
using IpcLab.Core.Sessions;

namespace IpcLab.Tui.App;

/// <summary>Opening a program into the TUI state, and saving the open run as a file.</summary>
public static class RunFiles
{
    /// <summary>The step budget of a run opened in the TUI (as for <c>ipclab run</c>).</summary>
    public const int DefaultMaxSteps = 10_000;

    /// <summary>Reads and compiles a script. Throws <see cref="ScriptError"/> (file:line:col), <see cref="IOException"/> or <see cref="UnauthorizedAccessException"/>.</summary>
    public static CompiledProgram LoadScript(string path) => Compiler.CompileText(path, File.ReadAllText(path));

    /// <summary>A session with room for at least <paramref name="minSteps"/> steps.</summary>
    public static Session NewSession(CompiledProgram program, int minSteps = 0) =>
        new(program, new KernelOptions { MaxSteps = Math.Max(DefaultMaxSteps, minSteps) });

    /// <summary>Puts a session on the run screen, with everything about the previous one cleared.</summary>
    public static void Show(TuiState state, Session session, string fileName, string status)
    {
        state.Session = session;
        state.FileName = fileName;
        state.Screen = Screen.Run;
        state.ScreenBeforeHelp = Screen.Run;
        state.SelectedThread = 0;
        state.Running = false;
        state.Prompt = PromptKind.None;
        state.PromptInput = "";
        state.WakeChoiceThread = -1;
        state.WakeChoices = [];
        state.SavedTimeline = [];
        state.Status = status;
    }

    /// <summary>The file name offered when saving: "lessons/bounded-buffer.ipl" → "bounded-buffer.run.json".</summary>
    public static string DefaultSaveName(string scriptFile) => Path.GetFileNameWithoutExtension(scriptFile) + ".run.json";

    /// <summary>
    /// The run as a saved file, built by replaying the WHOLE timeline on a fresh kernel, so a run
    /// that was stepped back still saves the steps that can be redone.
    /// </summary>
    public static SavedRun ToSavedRun(Session session)
    {
        var kernel = new Kernel(session.Program, session.Kernel.Options);
        Runner.Replay(kernel, session.Timeline);
        return SavedRun.From(kernel, session.SchedulerText);
    }

    /// <summary>
    /// Saves the run to <paramref name="path"/> all at once (see <see cref="WholeFile"/>); returns the
    /// full path written. <paramref name="scriptFile"/>, the script the run was opened from, is never replaced.
    /// </summary>
    public static string Save(Session session, string path, string? scriptFile = null)
    {
        var full = Path.GetFullPath(path);
        WholeFile.Write(full, ToSavedRun(session).ToJson(), scriptFile is null ? [] : [(scriptFile, "the script of this run")]);
        return full;
    }

    /// <summary>The scheduler a saved run names ("manual", "round-robin", "random (seed 7)"), or null for anything else.</summary>
    public static (SchedulerKind Kind, ulong Seed)? ParseScheduler(string text)
    {
        const string random = "random (seed ";
        if (text == "manual")
        {
            return (SchedulerKind.Manual, 1);
        }

        if (text == "round-robin")
        {
            return (SchedulerKind.RoundRobin, 1);
        }

        if (text.StartsWith(random, StringComparison.Ordinal) && text.EndsWith(')')
            && ulong.TryParse(text.AsSpan(random.Length, text.Length - random.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var seed))
        {
            return (SchedulerKind.Random, seed);
        }

        return null;
    }
}
