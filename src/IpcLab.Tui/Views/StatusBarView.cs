using IpcLab.Core.Model;
using IpcLab.Core.Sessions;

namespace IpcLab.Tui.Views;

/// <summary>
/// The two bottom lines: the result of the last key (or the open prompt, e.g. "go to step: 42▏",
/// or the waiters a signal can wake), then the keys that matter most on this screen.
/// </summary>
internal static class StatusBarView
{
    public const string RunKeys = "space step · b back · 1-9 run thread · r run/pause · ? help · q quit";
    public const string RunKeysWide = "space step · b back · 1-9 run thread · ↑↓ Enter run selected · r run/pause · g go to · n/w/d next block/wake-up/delivery · ? help · q quit";
    public const string BrokerRunKeys = "space step · b back · 1-9 run thread · r run/pause · ] [ a message · x broker · ? help · q quit";
    public const string BrokerRunKeysWide = "space step · b back · 1-9 run thread · ↑↓ Enter run selected · r run/pause · g go to · ] [ choose a message · x its path · ? help · q quit";
    public const string BrokerPageKeys = "space step · ] [ a message · ↑↓ a hop · Enter go to it · x/Esc threads · ? help · q quit";
    public const string BrokerPageKeysWide = "space step · b back · r run/pause · ] [ choose a message · ↑↓ a hop of its path · Enter go to its step · x/Esc threads · ? help · q quit";
    public const string StartKeys = "↑↓ choose · Enter open · ? keys · q quit";
    public const string HelpKeys = "Esc or ? closes this help · q quits";
    public const string PromptKeys = "Enter ok · Esc cancel";

    /// <summary>The two lines as markup: the status (or the open prompt), then the keys (or the prompt's question).</summary>
    public static (string First, string Second) Lines(TuiState state, int width, string keys)
    {
        var first = new MarkupLine(width);
        if (state.Prompt == PromptKind.None)
        {
            var text = state.Status.Length > 0 ? state.Status
                : state.Session is { IsOver: true } && state.Screen == Screen.Run ? "the run is over: b steps back, 0 restarts, s switches the scheduler"
                : "";
            if (TextFit.Width(text) > width && state.Screen == Screen.Run)
            {
                // A long status (a finding at the end of a sentence) takes the key line too: the
                // keys are one ? away, and the end of the sentence is what matters.
                var lines = TextFit.Wrap(text, width);
                var rest = string.Join(" ", lines.Skip(1));
                return (first.Add(lines[0], Palette.Status).ToString(), new MarkupLine(width).Add(rest, Palette.Status).ToString());
            }

            first.Add(text, Palette.Status);
        }
        else
        {
            // The question (which threads or processes can be chosen, what to type) goes under
            // the prompt, in place of the key line.
            AddPrompt(first, state);
            keys = state.Status.Length > 0 ? state.Status : PromptKeys;
        }

        var second = new MarkupLine(width).Add(keys, Palette.Hint);
        return (first.ToString(), second.ToString());
    }

    public static string KeysFor(TuiState state, int width) => state.Screen switch
    {
        Screen.Start => StartKeys,
        Screen.Help => HelpKeys,
        _ when state.Session?.Program.CountOf(ObjectKind.Broker) > 0 => TextFit.Width(BrokerRunKeysWide) <= width ? BrokerRunKeysWide : BrokerRunKeys,
        _ => TextFit.Width(RunKeysWide) <= width ? RunKeysWide : RunKeys,
    };

    /// <summary>The hints of the broker page (x): the wide ones where they fit in <paramref name="width"/>.</summary>
    public static string BrokerPageKeysFor(int width) => TextFit.Width(BrokerPageKeysWide) <= width ? BrokerPageKeysWide : BrokerPageKeys;

    /// <summary>The shorter hints for a line too narrow for <paramref name="hints"/> (the same when it has none).</summary>
    public static string Narrower(string hints) => hints switch
    {
        RunKeysWide => RunKeys,
        BrokerRunKeysWide => BrokerRunKeys,
        BrokerPageKeysWide => BrokerPageKeys,
        _ => hints,
    };

    private static void AddPrompt(MarkupLine line, TuiState state)
    {
        if (state.Prompt == PromptKind.WakeChoice)
        {
            AddWakeChoice(line, state);
            return;
        }

        var threads = state.Session is { } session ? $"1-{session.Program.Threads.Count}" : "1-9";
        var label = state.Prompt switch
        {
            PromptKind.GoToStep => "go to step: ",
            PromptKind.Seed => "seed: ",
            PromptKind.SaveAs => "save as: ",
            PromptKind.SpuriousWakeup => $"spurious wake-up of thread ({threads}): ",
            PromptKind.Crash => $"crash thread ({threads}): ",
            PromptKind.CrashProcess => "crash process: ",
            PromptKind.ConfirmQuit => "quit without saving? y / S / n: ",
            PromptKind.ConfirmBack => "back to the programs without saving? y / S / n: ",
            _ => "? ",
        };
        line.Add(label, Palette.Prompt).Add(state.PromptInput, Palette.Title).Add(Palette.Cursor, Palette.Prompt);
    }

    private static void AddWakeChoice(MarkupLine line, TuiState state)
    {
        if (state.Session is { } session && state.WakeChoiceThread >= 0 && state.WakeChoiceThread < session.Program.Threads.Count)
        {
            var kernel = session.Kernel;
            var signal = kernel.NextInstruction(state.WakeChoiceThread);
            var cond = signal is { Op: OpCode.Signal } ? $" signals {kernel.ObjectName(signal.A)}" : "";
            line.Add($"{kernel.ThreadName(state.WakeChoiceThread)}{cond}: ");
        }

        line.Add("wake which waiter? ", Palette.Prompt);

        // A first digit that more than one waiter's number starts with waits here for the next.
        if (state.PromptInput.Length > 0)
        {
            line.Add(state.PromptInput, Palette.Title).Add(Palette.Cursor, Palette.Prompt).Add("  ");
        }

        // In queue order, each by its thread number (as every key and prompt numbers threads).
        for (var i = 0; i < state.WakeChoices.Count; i++)
        {
            var thread = state.WakeChoices[i];
            var name = state.Session is { } s && thread >= 0 && thread < s.Program.Threads.Count ? s.Kernel.ThreadName(thread) : $"thread {thread}";
            line.Add(i == 0 ? "" : " · ", Palette.Dim).Add($"{thread + 1} ", Palette.Prompt).Add(name, Palette.Title);
        }
    }
}
