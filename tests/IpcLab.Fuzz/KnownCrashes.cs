namespace IpcLab.Fuzz;

/// <summary>
/// Crashes that are known and being fixed on another branch (the command line, saved runs and
/// file writing). A mutant that crashes in one of these ways counts as a known crash, not a
/// failure, so the fuzz tests pass until those fixes are merged. TO BE REMOVED after merging
/// them: delete each category once its fix is in (the fuzz test then fails if it still
/// crashes), and this class once it is empty. Each category is recognised by the exception and
/// the frame it is thrown from, as the crash log records them, so a new crash elsewhere is
/// never mistaken for a known one.
/// </summary>
public static class KnownCrashes
{
    private static readonly (string Category, string Exception, string Frame)[] Known =
    [
        // `ipclab run` on a program with no thread: the step printer takes the widest of no events.
        ("empty program in run", "System.InvalidOperationException: Sequence contains no elements", "at IpcLab.StepPrinter.PrintSteps("),

        // A saved run whose "events" holds something other than strings (a number, an object, an array, null).
        ("non-string events in saved runs", "The requested operation requires an element of type 'String'", "at IpcLab.Core.Persistence.SavedRun.Parse("),

        // A string in a saved run with half a surrogate pair ("\ud800"): it does not decode.
        ("lone surrogates in saved runs", "UTF-16 JSON text as string", "at IpcLab.Core.Persistence.SavedRun."),

        // A semaphore whose count is at the top of 64 bits, posted once more: the count wraps around.
        ("semaphore overflow", "kernel invariant violated: semaphore ", "at IpcLab.Core.Runtime.Kernel.AssertInvariants("),

        // A timed operation whose timeout does not fit when added to the clock: the deadline wraps around.
        ("huge timeouts", " with deadline -", "at IpcLab.Core.Runtime.Kernel.AssertMessagingInvariants("),
    ];

    /// <summary>The known category a crash falls in, or null for a new crash.</summary>
    public static string? Category(FuzzInput input, FuzzResult result)
    {
        if (result.Exit != 70 || result.CrashLog is not { } log)
        {
            return null;
        }

        foreach (var (category, exception, frame) in Known)
        {
            if (log.Contains(exception, StringComparison.Ordinal) && log.Contains(frame, StringComparison.Ordinal))
            {
                return category;
            }
        }

        return null;
    }
}
