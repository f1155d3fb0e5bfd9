using IpcLab.Core.Objects;
using IpcLab.Core.Runtime;
using IpcLab.Core.Sessions;

namespace IpcLab.Tui.App;

/// <summary>
/// The keys of the run screen (when no prompt is open). Every change to the kernel goes through
/// <see cref="Session"/>; every key leaves a sentence in the status line.
/// </summary>
internal sealed class RunKeys(TuiState state, PromptKeys prompts)
{
    private static readonly int[] Speeds = [50, 100, 150, 200, 300, 500, 750, 1000, 1500, 2000];

    private Session S => state.Session ?? throw new InvalidOperationException("the run screen has no session");

    public void Handle(ConsoleKeyInfo key)
    {
        switch (key.Key)
        {
            case ConsoleKey.RightArrow: Step(); return;
            case ConsoleKey.LeftArrow: Back(); return;
            case ConsoleKey.UpArrow: Select(state.SelectedThread - 1); return;
            case ConsoleKey.DownArrow: Select(state.SelectedThread + 1); return;
            case ConsoleKey.Enter: RunThread(state.SelectedThread); return;
            case ConsoleKey.Home: Restart(); return;
            default: break;
        }

        switch (key.KeyChar)
        {
            case ' ': Step(); break;
            case 'b': Back(); break;
            case >= '1' and <= '9': RunThread(key.KeyChar - '1'); break;
            case 'r': ToggleRun(); break;
            case '+' or '=': SetSpeed(Speeds.LastOrDefault(s => s < state.SpeedMs, Speeds[0])); break;
            case '-' or '_': SetSpeed(Speeds.FirstOrDefault(s => s > state.SpeedMs, Speeds[^1])); break;
            case 'g': prompts.Open(PromptKind.GoToStep, "", "go to step: type its number, Enter jumps (Esc cancels)"); break;
            case 'n': FindNext(IsBlock, "blocks or waits"); break;
            case 'w': FindNext(IsWake, "wake-ups and hand-offs"); break;
            case 'd': FindNext(IsDelivery, "deliveries (a put, a take, a message or bytes arriving)"); break;
            case '0': Restart(); break;
            case 's': CycleScheduler(); break;
            case 'u': SwapFuture(); break;
            case 'e': prompts.Open(PromptKind.Seed, "", "seed for the random scheduler: type a number, Enter (Esc cancels)"); break;
            case 'i': OpenThreadPrompt(PromptKind.SpuriousWakeup, t => S.Kernel.StatusOf(t) == ThreadStatus.Waiting, "spurious wake-up of which waiting thread"); break;
            case 'c': OpenThreadPrompt(PromptKind.Crash, t => S.Kernel.WhyCannotCrash(t) is null, "crash which thread"); break;
            case 'k': OpenProcessPrompt(); break;
            case 'S': prompts.Open(PromptKind.SaveAs, RunFiles.DefaultSaveName(state.FileName), "save as: edit the name, Enter saves the whole run (Esc cancels)"); break;
            default:
                if (!char.IsControl(key.KeyChar))
                {
                    state.Status = $"the key '{key.KeyChar}' does nothing here: ? lists every key";
                }

                break;
        }
    }

    /// <summary>One step of the scheduler; in manual mode, asks which waiter to wake when the step signals several.</summary>
    public void Step()
    {
        if (S.Scheduler == SchedulerKind.Manual && S.Position == S.Timeline.Count && S.Position < S.Kernel.Options.MaxSteps)
        {
            var thread = ManualChoice();
            var choices = thread >= 0 ? S.WakeChoices(thread) : [];
            if (choices.Count >= 2)
            {
                prompts.AskWaker(thread, choices);
                return;
            }
        }

        AutoStep();
    }

    /// <summary>One step of the scheduler, never asking (auto-run); stops auto-run at a finding and when the run is over.</summary>
    public void AutoStep()
    {
        var before = S.Kernel.Events.Count;
        var findings = S.Kernel.Findings.Count;
        var why = S.Step();
        if (why is null)
        {
            state.Status = StatusText.AtStep(S);
            if (state.Running && S.Kernel.Findings.Count > findings && !S.IsOver)
            {
                state.Running = false;
                state.Status = $"paused at a finding: {state.Status} (r runs on)";
            }

            return;
        }

        state.Running = false;
        state.Status = StatusText.Over(S, why, before);
    }

    /// <summary>Runs one thread for one step, or says why it cannot run.</summary>
    public void RunThread(int thread)
    {
        var k = S.Kernel;
        var count = k.Program.Threads.Count;
        if (thread >= count)
        {
            state.Status = $"there is no thread {thread + 1}: this program has threads 1-{count}";
            return;
        }

        state.SelectedThread = thread;
        var why = k.WhyCannotRun(thread);
        if (why is not null)
        {
            state.Status = $"{k.ThreadName(thread)} cannot run: {why}";
            return;
        }

        var choices = S.WakeChoices(thread);
        if (choices.Count >= 2)
        {
            prompts.AskWaker(thread, choices);
            return;
        }

        var branches = S.Branches;
        Report(S.StepThread(thread));
        state.Status += StatusText.Branched(S, branches);
    }

    private void Back()
    {
        if (S.Position == 0)
        {
            state.Status = "step 0: already at the start, there is nothing to go back to";
            return;
        }

        S.StepBack();
        state.Status = StatusText.AtStep(S);
    }

    private void Select(int thread)
    {
        var count = S.Program.Threads.Count;
        state.SelectedThread = Math.Clamp(thread, 0, Math.Max(0, count - 1));
        var t = state.SelectedThread;
        state.Status = $"selected {StatusText.Numbered(S.Kernel, t)} ({S.Kernel.WhyCannotRun(t) ?? "ready"}): Enter runs it";
    }

    private void ToggleRun()
    {
        if (state.Running)
        {
            state.Running = false;
            state.Status = $"paused at step {S.Position} (r runs again, space steps)";
        }
        else if (S.IsOver && S.Kernel.IsConcluded)
        {
            state.Status = $"the run is over at step {S.Position}: 0 restarts it, b steps back";
        }
        else
        {
            state.Running = true;
            state.Status = $"running: a step every {state.SpeedMs} ms (r pauses, + and - change the speed)";
        }
    }

    private void SetSpeed(int ms)
    {
        state.SpeedMs = Math.Clamp(ms, Speeds[0], Speeds[^1]);
        var limit = state.SpeedMs == Speeds[0] ? " (the fastest)" : state.SpeedMs == Speeds[^1] ? " (the slowest)" : "";
        state.Status = $"speed: a step every {state.SpeedMs} ms{limit} when running (r)";
    }

    private void FindNext(Func<EventKind, bool> match, string what)
    {
        var before = S.Kernel.Events.Count;
        state.Status = S.RunUntil(e => match(e.Kind))
            ? StatusText.AtStep(S)
            : $"no more {what}: {StatusText.Over(S, "the run is over", before)}";
    }

    /// <summary>
    /// 0 / Home: back to step 0 keeping the recorded steps to redo (a saved run stays whole); at
    /// step 0 with steps recorded, a second press drops them for a new run.
    /// </summary>
    private void Restart()
    {
        state.Running = false;
        var recorded = S.Timeline.Count;
        if (S.Position > 0 && recorded > 0)
        {
            S.GoTo(0);
            state.Status = $"back to step 0: the {Steps(recorded)} recorded stay ahead (space redoes them; 0 again drops them for a new run)";
            return;
        }

        S.Restart();
        var dropped = recorded > 0 ? $"dropped the {Steps(recorded)} recorded; " : "";
        state.Status = $"restarted: {dropped}step 0, nothing has run yet (scheduler: {S.SchedulerText})";
    }

    /// <summary>u: back to the future the last new choice set aside (u again returns to this one).</summary>
    private void SwapFuture()
    {
        if (!S.SwapFuture())
        {
            state.Status = "no other future to go back to: a new choice made after stepping back sets the old steps aside, and u brings them back";
            return;
        }

        state.Status = $"back to the other future: {Steps(S.Timeline.Count - S.BranchedAt)} from step {S.BranchedAt} ahead (space redoes them; u swaps again)";
    }

    private static string Steps(int n) => n == 1 ? "1 step" : $"{n} steps";

    private void CycleScheduler()
    {
        var next = S.Scheduler switch
        {
            SchedulerKind.Manual => SchedulerKind.RoundRobin,
            SchedulerKind.RoundRobin => SchedulerKind.Random,
            _ => SchedulerKind.Manual,
        };
        S.UseScheduler(next, S.Seed);
        var how = next == SchedulerKind.Manual ? ": space runs the thread that ran last, 1-9 pick one" : "";
        state.Status = $"scheduler: {S.SchedulerText}{how}{StatusText.Ahead(S)}";
    }

    private void OpenThreadPrompt(PromptKind kind, Func<int, bool> eligible, string question)
    {
        var k = S.Kernel;
        var candidates = StatusText.ThreadsIn(k, eligible);
        if (candidates == "none" || k.IsConcluded)
        {
            state.Status = $"{question}? none can be chosen now";
            return;
        }

        prompts.Open(kind, "", $"{question}? {candidates}: type a number, Enter (Esc cancels)");
    }

    private void OpenProcessPrompt()
    {
        var k = S.Kernel;
        var alive = Enumerable.Range(0, k.Program.Processes.Count).Where(p => k.WhyCannotCrashProcess(p) is null).ToArray();
        if (alive.Length == 0)
        {
            state.Status = "crash which process? none can be chosen now";
            return;
        }

        var list = string.Join(", ", alive.Select(p => $"{p + 1} {k.Program.Processes[p].Name}"));
        prompts.Open(PromptKind.CrashProcess, "", $"crash which process (all its threads; its descriptors close)? {list}: type a number, Enter (Esc cancels)");
    }

    /// <summary>The thread a manual-mode step runs: the last one if it can, else the first ready one (as Session.Step chooses).</summary>
    private int ManualChoice()
    {
        var k = S.Kernel;
        if (S.LastThread >= 0 && k.CanRun(S.LastThread))
        {
            return S.LastThread;
        }

        return Enumerable.Range(0, k.Program.Threads.Count).FirstOrDefault(k.CanRun, -1);
    }

    private static bool IsBlock(EventKind kind) => ObjectModules.ClassOf(kind) == EventClass.Block;

    private static bool IsWake(EventKind kind) => ObjectModules.ClassOf(kind) == EventClass.Wake;

    private static bool IsDelivery(EventKind kind) => ObjectModules.ClassOf(kind) == EventClass.Deliver;

    private void Report(string? why) => state.Status = why is null ? StatusText.AtStep(S) : why;
}
