using IpcLab.Core.Model;
using IpcLab.Core.Runtime;
using IpcLab.Tui.App;

namespace IpcLab.Tui.Views;

/// <summary>
/// The open prompt as a dialog: its title, the question (plain sentences, the dialog wraps them),
/// what has been typed, and the choices a click can make, each with the keys it presses. Built
/// from the UI state alone; the keys still go to the same prompt handler, so typing and clicking
/// cannot disagree.
/// </summary>
/// <param name="Input">What is typed so far, or null when the prompt takes no typing (a choice).</param>
public sealed record PromptDialogData(string Title, IReadOnlyList<string> Question, string? Input, IReadOnlyList<DialogChoice> Choices)
{
    /// <summary>The dialog of the open prompt, or null when none is open.</summary>
    public static PromptDialogData? Of(TuiState state)
    {
        if (state.Prompt == PromptKind.None || state.Session is not { } session)
        {
            return null;
        }

        var kernel = session.Kernel;
        var question = state.Status.Length > 0 ? [state.Status] : Array.Empty<string>();
        var cancel = new DialogChoice("Cancel", "\x1b");
        var ok = new DialogChoice("OK", "\r");
        return state.Prompt switch
        {
            PromptKind.GoToStep => new("Go to step", question, state.PromptInput, [ok, cancel]),
            PromptKind.Seed => new("Random seed", question, state.PromptInput, [ok, cancel]),
            PromptKind.SaveAs => new("Save run", question, state.PromptInput, [new DialogChoice("Save", "\r"), cancel]),
            PromptKind.WakeChoice => new("Wake which waiter?", question, state.PromptInput.Length > 0 ? state.PromptInput : null, [.. Threads(kernel, state.WakeChoices, digitsOnly: true), cancel]),
            PromptKind.SpuriousWakeup => new("Spurious wake-up", question, state.PromptInput, [.. Threads(kernel, Eligible(kernel, t => kernel.StatusOf(t) == ThreadStatus.Waiting), digitsOnly: false), cancel]),
            PromptKind.Crash => new("Crash a thread", question, state.PromptInput, [.. Threads(kernel, Eligible(kernel, t => kernel.WhyCannotCrash(t) is null), digitsOnly: false), cancel]),
            PromptKind.CrashProcess => new("Crash a process", question, state.PromptInput, [.. Processes(kernel), cancel]),
            PromptKind.ConfirmQuit => new("Quit?", question, null, [new DialogChoice("Quit without saving", "y"), new DialogChoice("Save first", "S"), new DialogChoice("Stay", "n")]),
            PromptKind.ConfirmBack => new("Back to the programs?", question, null, [new DialogChoice("Leave without saving", "y"), new DialogChoice("Save first", "S"), new DialogChoice("Stay", "n")]),
            _ => null,
        };
    }

    private static int[] Eligible(Kernel kernel, Func<int, bool> eligible) =>
        kernel.IsConcluded ? [] : [.. Enumerable.Range(0, kernel.Program.Threads.Count).Where(eligible)];

    /// <summary>
    /// One choice a thread, by its number, then Enter. A wake choice wakes at the number alone,
    /// unless another waiter's number goes on from it (1 when 12 waits too): then Enter as well.
    /// </summary>
    private static IEnumerable<DialogChoice> Threads(Kernel kernel, IReadOnlyList<int> threads, bool digitsOnly) =>
        threads.Select(t =>
        {
            var number = $"{t + 1}";
            var ambiguous = threads.Any(u => u != t && $"{u + 1}".StartsWith(number, StringComparison.Ordinal));
            return new DialogChoice(StatusText.Numbered(kernel, t), digitsOnly && !ambiguous ? number : number + "\r");
        });

    private static IEnumerable<DialogChoice> Processes(Kernel kernel) =>
        Enumerable.Range(0, kernel.Program.Processes.Count)
            .Where(p => kernel.WhyCannotCrashProcess(p) is null)
            .Select(p => new DialogChoice($"{p + 1} {kernel.Program.Processes[p].Name}", $"{p + 1}\r"));
}
