using IpcLab.Core.Runtime;
using static IpcLab.Tui.Tests.App.TuiHarness;

namespace IpcLab.Tui.Tests.App;

/// <summary>Stepping, stepping back and choosing threads with the keys, on the bounded buffer.</summary>
public sealed class StepKeysTests
{
    private static TuiHarness BoundedBuffer() => Open(Repo.Lesson("bounded-buffer.ipl"));

    [Fact]
    public void Forward_20_then_back_20_shows_the_same_frame_at_every_step()
    {
        var tui = BoundedBuffer();
        tui.Run(Keys(new string(' ', 20)), Keys(new string('b', 20)), Keys(new string(' ', 20)));

        // Frames: [0] start, [1..20] first pass, [21..40] back at steps 19..0, [41..60] redo at steps 1..20.
        var frames = tui.Terminal.Frames;
        Assert.Equal(61, frames.Count);
        for (var step = 1; step < 20; step++)
        {
            Assert.Equal(frames[40 - step], frames[40 + step]);
        }

        Assert.Equal(frames[20], frames[60]);
        Assert.Equal(20, tui.Session.Position);
        Assert.Contains("step 20:", tui.State.Status, StringComparison.Ordinal);
    }

    [Fact]
    public void Arrow_keys_step_like_space_and_b()
    {
        var spaces = BoundedBuffer();
        spaces.Type("       bb");
        var arrows = BoundedBuffer();
        arrows.Run(Press(ConsoleKey.RightArrow, 7), Press(ConsoleKey.LeftArrow, 2));

        Assert.Equal(5, arrows.Session.Position);
        Assert.Equal(spaces.Frame, arrows.Frame);
    }

    [Fact]
    public void A_blocked_thread_is_refused_with_the_reason_in_the_status()
    {
        var tui = BoundedBuffer();
        tui.Type("     2");

        Assert.Equal(5, tui.Session.Position);
        Assert.Equal("producer-2 cannot run: producer-2 waits on mutex m held by producer-1", tui.State.Status);
        Assert.Contains("producer-2 cannot run", tui.Frame, StringComparison.Ordinal);
        Assert.Equal(1, tui.State.SelectedThread);
    }

    [Fact]
    public void A_digit_runs_that_thread_and_the_status_says_what_it_did()
    {
        var tui = BoundedBuffer();
        tui.Type("1111");

        Assert.Equal(4, tui.Session.Position);
        Assert.All(tui.Session.Timeline, e => Assert.Equal(0, e.Thread));
        Assert.StartsWith("step 4: producer-1 ", tui.State.Status, StringComparison.Ordinal);
    }

    [Fact]
    public void A_thread_number_beyond_the_program_is_explained()
    {
        var tui = BoundedBuffer();
        tui.Type("7");

        Assert.Equal(0, tui.Session.Position);
        Assert.Equal("there is no thread 7: this program has threads 1-3", tui.State.Status);
    }

    [Fact]
    public void Up_and_down_select_a_thread_and_Enter_runs_it()
    {
        var tui = BoundedBuffer();
        tui.Run(Press(ConsoleKey.DownArrow, 5), Press(ConsoleKey.UpArrow), Press(ConsoleKey.Enter));

        Assert.Equal(1, tui.State.SelectedThread);
        Assert.Equal(ScheduleEntry.Run(1), Assert.Single(tui.Session.Timeline));
    }

    [Fact]
    public void Zero_and_Home_restart_from_step_0()
    {
        var tui = BoundedBuffer();
        tui.Type("      0");
        Assert.Equal(0, tui.Session.Position);
        Assert.Empty(tui.Session.Timeline);
        Assert.StartsWith("restarted: step 0", tui.State.Status, StringComparison.Ordinal);

        tui.Run(Keys("   "), Press(ConsoleKey.Home));
        Assert.Equal(0, tui.Session.Position);
    }

    [Fact]
    public void Step_back_at_step_0_says_there_is_nothing_to_undo()
    {
        var tui = BoundedBuffer();
        tui.Type("b");

        Assert.Equal(0, tui.Session.Position);
        Assert.StartsWith("step 0: already at the start", tui.State.Status, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData('n', "blocks on m")]
    [InlineData('w', "wakes up from")]
    [InlineData('d', "puts")]
    public void Next_block_wake_up_and_delivery_stop_at_a_step_with_that_event(char key, string expected)
    {
        var tui = BoundedBuffer();
        tui.Type(key.ToString());

        Assert.True(tui.Session.Position > 0);
        Assert.StartsWith($"step {tui.Session.Position}: ", tui.State.Status, StringComparison.Ordinal);
        Assert.Contains(expected, tui.State.Status, StringComparison.Ordinal);
    }

    [Fact]
    public void Stepping_past_the_end_says_the_run_is_over()
    {
        var tui = BoundedBuffer();
        tui.Type("g500\r ");

        Assert.True(tui.Session.IsOver);
        Assert.Equal($"the run is over at step {tui.Session.Position}: every thread has finished", tui.State.Status);
    }
}
