using System.Globalization;
using IpcLab.Core.Runtime;
using IpcLab.Core.Sessions;

namespace IpcLab.Tui.App;

/// <summary>
/// The one-line prompts of the run screen: go to step, seed, save as, which waiter to wake,
/// which thread to wake spuriously or crash. Typing edits <see cref="TuiState.PromptInput"/>,
/// Enter carries it out, Esc cancels.
/// </summary>
internal sealed class PromptKeys(TuiState state, string workingDirectory)
{
    private Session S => state.Session ?? throw new InvalidOperationException("a prompt needs an open run");

    public void Open(PromptKind kind, string input, string status)
    {
        state.Running = false;
        state.Prompt = kind;
        state.PromptInput = input;
        state.Status = status;
    }

    /// <summary>Asks which of <paramref name="waiters"/> (first in line first) the signal of <paramref name="thread"/> wakes.</summary>
    public void AskWaker(int thread, IReadOnlyList<int> waiters)
    {
        var k = S.Kernel;
        var condition = k.NextInstruction(thread) is { } instr ? k.ObjectName(instr.A) : "its condition";
        Open(PromptKind.WakeChoice, "", $"{k.ThreadName(thread)} signals {condition}: wake which waiter? {WaiterList(waiters)} ({EnterWakes(waiters)}; Esc cancels)");
        state.WakeChoiceThread = thread;
        state.WakeChoices = waiters;
    }

    /// <summary>The waiters in queue order, each by its thread number, as every other prompt numbers threads.</summary>
    private string WaiterList(IReadOnlyList<int> waiters) =>
        string.Join(", ", waiters.Select(w => StatusText.Numbered(S.Kernel, w)));

    private string EnterWakes(IReadOnlyList<int> waiters) => $"Enter = {StatusText.Numbered(S.Kernel, waiters[0])}, first in line";

    public void Handle(ConsoleKeyInfo key)
    {
        if (key.Key == ConsoleKey.Escape)
        {
            var what = state.Prompt == PromptKind.WakeChoice ? "nothing ran" : "nothing changed";
            Close();
            state.Status = $"cancelled: {what} (step {S.Position})";
        }
        else if (state.Prompt == PromptKind.WakeChoice)
        {
            ChooseWaiter(key);
        }
        else if (key.Key == ConsoleKey.Enter)
        {
            var kind = state.Prompt;
            var input = state.PromptInput.Trim();
            Close();
            Submit(kind, input);
        }
        else if (key.Key == ConsoleKey.Backspace || key.KeyChar == '\b' || key.KeyChar == '\x7f')
        {
            state.PromptInput = state.PromptInput.Length == 0 ? "" : state.PromptInput[..^1];
        }
        else if (Accepts(state.Prompt, key.KeyChar) && state.PromptInput.Length < 200)
        {
            state.PromptInput += key.KeyChar;
        }
    }

    private static bool Accepts(PromptKind kind, char c) =>
        kind == PromptKind.SaveAs ? !char.IsControl(c) : char.IsAsciiDigit(c);

    /// <summary>
    /// A digit wakes the waiter it numbers as soon as no other waiter's number goes on from what is
    /// typed (so 1 waits for Enter or a second digit when thread 12 waits too); Enter wakes what is
    /// typed, or the first in line when nothing is.
    /// </summary>
    private void ChooseWaiter(ConsoleKeyInfo key)
    {
        var numbers = state.WakeChoices.Select(w => (w + 1).ToString(CultureInfo.InvariantCulture)).ToArray();
        if (key.Key == ConsoleKey.Enter)
        {
            var typed = state.PromptInput;
            state.PromptInput = "";
            Wake(typed.Length == 0 ? state.WakeChoices[0] : Array.IndexOf(numbers, typed) is var i and >= 0 ? state.WakeChoices[i] : -1);
        }
        else if (key.Key == ConsoleKey.Backspace || key.KeyChar == '\b' || key.KeyChar == '\x7f')
        {
            state.PromptInput = state.PromptInput.Length == 0 ? "" : state.PromptInput[..^1];
        }
        else
        {
            var typed = state.PromptInput + (char.IsAsciiDigit(key.KeyChar) ? key.KeyChar.ToString() : "?");
            state.PromptInput = "";
            var exact = Array.IndexOf(numbers, typed);
            if (numbers.Any(n => n.Length > typed.Length && n.StartsWith(typed, StringComparison.Ordinal)))
            {
                state.PromptInput = typed;
            }
            else
            {
                Wake(exact >= 0 ? state.WakeChoices[exact] : -1);
            }
        }
    }

    /// <summary>While a wake choice is asked for: wakes <paramref name="woken"/> if it is one of the waiters, else asks again.</summary>
    public void Wake(int woken)
    {
        var waiters = state.WakeChoices;
        if (!waiters.Contains(woken))
        {
            state.Status = $"wake which waiter? type the number of one of {WaiterList(waiters)} ({EnterWakes(waiters)}; Esc cancels)";
            return;
        }

        var thread = state.WakeChoiceThread;
        Close();

        // Choosing what the timeline already holds redoes that step and keeps the future.
        var redo = S.Position < S.Timeline.Count && S.Timeline[S.Position] == ScheduleEntry.Run(thread, woken);
        var branches = S.Branches;
        var why = redo ? S.StepThread(thread) : S.StepThread(thread, woken);
        state.Status = (why ?? StatusText.AtStep(S)) + StatusText.Branched(S, branches);
    }

    private void Submit(PromptKind kind, string input)
    {
        if (input.Length == 0)
        {
            state.Status = $"cancelled: nothing typed (step {S.Position})";
            return;
        }

        switch (kind)
        {
            case PromptKind.GoToStep: GoTo(input); break;
            case PromptKind.Seed: SetSeed(input); break;
            case PromptKind.SpuriousWakeup: OnThread(input, S.InjectSpuriousWakeup); break;
            case PromptKind.Crash: OnThread(input, S.InjectCrash); break;
            case PromptKind.CrashProcess: OnProcess(input); break;
            case PromptKind.SaveAs: Save(input); break;
            default: break;
        }
    }

    private void GoTo(string input)
    {
        if (!int.TryParse(input, NumberStyles.None, CultureInfo.InvariantCulture, out var step))
        {
            state.Status = $"cannot go to step {input}: too large";
            return;
        }

        var reached = S.GoTo(step);
        state.Status = reached < step
            ? $"the run stops before step {step}: {StatusText.AtStep(S)}"
            : StatusText.AtStep(S);
    }

    private void SetSeed(string input)
    {
        if (!ulong.TryParse(input, NumberStyles.None, CultureInfo.InvariantCulture, out var seed))
        {
            state.Status = $"{input} is too large for a seed";
            return;
        }

        S.UseScheduler(SchedulerKind.Random, seed);
        state.Status = $"scheduler: {S.SchedulerText}{StatusText.Ahead(S)}";
    }

    private void OnThread(string input, Func<int, string?> inject)
    {
        var thread = Chosen(input, S.Program.Threads.Count, "thread", "threads");
        if (thread >= 0)
        {
            state.SelectedThread = thread;
            var branches = S.Branches;
            state.Status = (inject(thread) ?? StatusText.AtStep(S)) + StatusText.Branched(S, branches);
        }
    }

    private void OnProcess(string input)
    {
        var process = Chosen(input, S.Program.Processes.Count, "process", "processes");
        if (process >= 0)
        {
            var branches = S.Branches;
            state.Status = (S.InjectProcessCrash(process) ?? StatusText.AtStep(S)) + StatusText.Branched(S, branches);
        }
    }

    /// <summary>The index of the thread or process typed by its number (1 to <paramref name="count"/>), or -1 after saying there is none.</summary>
    private int Chosen(string input, int count, string what, string plural)
    {
        if (!int.TryParse(input, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < 1 || number > count)
        {
            state.Status = $"there is no {what} {input}: this program has {plural} 1-{count}";
            return -1;
        }

        return number - 1;
    }

    private void Save(string name)
    {
        var path = Path.Combine(workingDirectory, name);
        try
        {
            var full = RunFiles.Save(S, path, state.FileName);
            var relative = Path.GetRelativePath(workingDirectory, full);
            var shown = relative.StartsWith("..", StringComparison.Ordinal) ? full : relative;
            var steps = S.Timeline.Count;
            state.SavedTimeline = [.. S.Timeline];
            state.Status = $"saved {steps} step{(steps == 1 ? "" : "s")} to {full} (open it at this step: ipclab tui {shown} --at {S.Position})";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            state.Status = $"could not save {name}: {e.Message}";
        }
    }

    private void Close()
    {
        state.Prompt = PromptKind.None;
        state.PromptInput = "";
        state.WakeChoiceThread = -1;
        state.WakeChoices = [];
    }
}
