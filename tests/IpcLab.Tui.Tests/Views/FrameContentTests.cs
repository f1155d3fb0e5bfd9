namespace IpcLab.Tui.Tests.Views;

/// <summary>What the run screen says and how it colours it, checked on the Terminal.Gui screen's text and cells.</summary>
public sealed class FrameContentTests
{
    [Fact]
    public void BlockedThread_IsDrawnInRed()
    {
        var style = FrameRenderer.StyleOf(TuiScenarios.BoundedBufferBlocked(), 100, 30, "blocked on mutex m (held by producer-1)");

        Assert.Equal(FrameRenderer.ColourOf("red"), style.Foreground);
    }

    [Fact]
    public void ReadyThread_IsDrawnInGreen()
    {
        var style = FrameRenderer.StyleOf(TuiScenarios.BoundedBufferBlocked(), 100, 30, "ready");

        Assert.Equal(FrameRenderer.ColourOf("green"), style.Foreground);
    }

    [Fact]
    public void ProcessesThatSpawnEachOther_AreShownAmongTheFindingsOnceTheRunIsOver()
    {
        var state = TuiScenarios.FromText("spawn.ipl", "process a:\n    thread ta:\n        spawn b\nprocess b:\n    thread tb:\n        spawn a\n");
        Assert.Equal("the run is over: no thread can take a step", state.Session!.Step());

        var text = FrameRenderer.Render(state, 160, 48);

        Assert.Contains("process never started", text, StringComparison.Ordinal);
        Assert.Contains("process a never started: only b spawns it, and b never started", text, StringComparison.Ordinal);
        Assert.Contains("process b never started: only a spawns it, and a never started", text, StringComparison.Ordinal);
    }

    [Fact]
    public void MarkupInData_IsShownLiterally()
    {
        var state = TuiScenarios.FromText("brackets.ipl", """
            # [bold]not markup[/]
            queue q capacity 2
            shared label = "[red]"

            thread writer:
                put q, "[l]"
                put q, "[red]x[/]"
                label = "[/]"
            """);
        TuiScenarios.Run(state.Session!, 0, 2);
        state.Status = "[l] stays [l]";

        var text = FrameRenderer.Render(state, 100, 30);

        Assert.Contains("┃ \"[l]\"", text);
        Assert.Contains("┃ \"[red]x[/]\"", text);
        Assert.Contains("shared label = \"[red]\"", text);
        Assert.Contains("put q, \"[l]\"", text);
        Assert.Contains("▶ 8 label = \"[/]\"", text);
        Assert.Contains("[l] stays [l]", text);
    }

    [Fact]
    public void EveryThread_HasItsNextLineMarked()
    {
        var state = TuiScenarios.BoundedBufferBlocked();
        var text = FrameRenderer.Render(state, 100, 30);

        // producer-1 is about to signal; producer-2 and the consumer are stuck on their lock lines.
        Assert.Contains("▶ 13     signal notEmpty", text);
        Assert.Contains("▶  9     lock m", text);
        Assert.Contains("▶ 20         wait notEmpty, m", text);
    }

    [Fact]
    public void Objects_ShowOwnerEntryQueueAndSlots()
    {
        var narrow = FrameRenderer.Render(TuiScenarios.BoundedBufferBlocked(), 100, 30);
        var text = FrameRenderer.Render(TuiScenarios.BoundedBufferBlocked(), 160, 48);

        Assert.Matches("mutex m: held by producer-1 +│\n", narrow);
        Assert.Contains("│     queue: producer-2, consumer", narrow);
        Assert.Contains("mutex m: held by producer-1 · queue: producer-2, consumer", text);
        Assert.Contains("cond notEmpty: nobody waiting", text);
        Assert.Contains("\"job producer-1.1\"", text);
        Assert.Contains("\"job producer-1.2\"", text);
        Assert.Contains("▲ head, tail", text);
    }

    [Fact]
    public void Deadlock_IsDrawnAsItsWaitForChain()
    {
        var text = FrameRenderer.Render(TuiScenarios.CargillDeadlock(), 100, 30);

        Assert.Contains("deadlock: no thread can run", text);
        Assert.Contains("──waits on──▶ changed", text);
        Assert.Contains("nobody is left to signal changed", text);
    }

    [Fact]
    public void SteppedBack_HeaderShowsTheTimeline()
    {
        var state = TuiScenarios.CargillDeadlock();
        state.Session!.StepBack(4);

        // Row 0 is the menu bar; the header is under it.
        var header = FrameRenderer.Render(state, 100, 30).Split('\n')[1];

        Assert.Contains("step 40 of timeline 44", header);
        Assert.Contains("scheduler: random (seed 15)", header);
    }

    [Fact]
    public void OpenPrompt_ReplacesTheStatusAndShowsTheQuestionBelow()
    {
        var state = TuiScenarios.BoundedBufferBlocked();
        state.Prompt = PromptKind.GoToStep;
        state.PromptInput = "42";
        state.Status = "go to step: type its number, Enter jumps (Esc cancels)";

        var lines = FrameRenderer.Render(state, 100, 30).Split('\n');

        Assert.Equal("go to step: 42▏", lines[^2]);
        Assert.Equal("go to step: type its number, Enter jumps (Esc cancels)", lines[^1]);
    }

    [Fact]
    public void LongStatus_OnTheRunScreen_WrapsOntoTheKeyLine()
    {
        var state = TuiScenarios.BoundedBufferBlocked();
        state.Status = "step 8: process producer crashes: 1 thread stopped, its descriptors close; deadlock: no thread can run: reader waits on semaphore filled (count 0)";

        var lines = FrameRenderer.Render(state, 100, 30).Split('\n');

        Assert.StartsWith("step 8: process producer crashes", lines[^2], StringComparison.Ordinal);
        Assert.EndsWith("reader waits on semaphore filled (count 0)", lines[^1].TrimEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public void Deadlock_OnASocketAndAMessageQueue_SaysWhatEachThreadWaitsFor()
    {
        var state = TuiScenarios.FromText("both-read.ipl", """
            socket e path "/p" buffer 2
            semaphore ready
            mqueue q capacity 1
            process server:
                thread srv:
                    listen e -> lfd
                    V ready
                    accept lfd -> c
                    recv c, 1 -> s
            process client:
                thread cli:
                    P ready
                    connect e -> fd
                    recv fd, 1 -> s
            thread lonely:
                receive q -> x
            """);
        state.Session!.UseScheduler(Core.Sessions.SchedulerKind.RoundRobin);
        state.Session.GoTo(50);

        var frame = FrameRenderer.Render(state, 160, 48);

        Assert.Contains("srv ──waits on──▶ e", frame, StringComparison.Ordinal);
        Assert.Contains("waits in recv on fd 4 for data from its peer (fd 3 of process client)", frame, StringComparison.Ordinal);
        Assert.Contains("waits on mqueue q: empty", frame, StringComparison.Ordinal);
    }

    [Fact]
    public void OpenPrompt_WithoutAQuestion_ShowsTheKeys()
    {
        var state = TuiScenarios.BoundedBufferBlocked();
        state.Prompt = PromptKind.GoToStep;
        state.Status = "";

        var lines = FrameRenderer.Render(state, 100, 30).Split('\n');

        Assert.Equal("Enter ok · Esc cancel", lines[^1]);
    }

    [Fact]
    public void WakeChoice_ListsTheWaiters()
    {
        var state = TuiScenarios.FromText("two-waiters.ipl", TuiScenarios.TwoWaiters);
        var session = state.Session!;
        TuiScenarios.Run(session, 0, 2);
        TuiScenarios.Run(session, 1, 2);
        TuiScenarios.Run(session, 2, 1);
        state.Prompt = PromptKind.WakeChoice;
        state.WakeChoiceThread = 2;
        state.WakeChoices = session.WakeChoices(2);

        var text = FrameRenderer.Render(state, 100, 30);

        Assert.Contains("signaller signals c: wake which waiter? 1 waiter-1 · 2 waiter-2", text);
    }

    [Fact]
    public void Take_NamesTheValueAndMarksTheEmptiedSlot()
    {
        var state = TuiScenarios.FromText("take.ipl", """
            queue q capacity 3

            thread mover:
                put q, 1
                put q, 2
                take q -> x
            """);
        TuiScenarios.Run(state.Session!, 0, 3);

        var text = FrameRenderer.Render(state, 100, 30);
        var emptied = FrameRenderer.StyleOf(state, 100, 30, "┃              ┃ 2", offset: 1);

        Assert.Contains("queue q: 1/3 · head 1 · tail 2 · just took 1", text);
        Assert.Contains("┃              ┃ 2            ┃              ┃", text);
        var lines = text.Split('\n');
        var cells = lines.Single(l => l.Contains("┃ 2 ", StringComparison.Ordinal));
        var markers = lines.Single(l => l.Contains("▲ head", StringComparison.Ordinal));
        Assert.Equal(cells.IndexOf("┃ 2 ", StringComparison.Ordinal) + 1, markers.IndexOf("▲ head", StringComparison.Ordinal));
        Assert.Equal(cells.IndexOf("┃ 2 ", StringComparison.Ordinal) + 16, markers.IndexOf("▲ tail", StringComparison.Ordinal));
        Assert.Equal(FrameRenderer.ColourOf("yellow"), emptied.Background);
    }
}

