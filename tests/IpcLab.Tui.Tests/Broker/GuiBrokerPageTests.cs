using IpcLab.Core.Sessions;
using IpcLab.Tui.Tests.App;
using IpcLab.Tui.Tests.Gui;
using IpcLab.Tui.Tests.Views;
using Terminal.Gui.Input;

namespace IpcLab.Tui.Tests.Broker;

/// <summary>The broker page on the Terminal.Gui run screen: x shows it, the run keys still step, a message's path opens and Enter or a click goes to a hop's step.</summary>
public sealed class GuiBrokerPageTests
{
    private static TuiState Lesson(string name)
    {
        var state = TuiVerb.Open(Repo.Lesson(name), null);
        state.FileName = $"lessons/{name}";
        state.Session!.UseScheduler(SchedulerKind.RoundRobin);
        return state;
    }

    [Theory]
    [InlineData(100, 30)]
    [InlineData(160, 48)]
    public void KeyX_TopicLogsMidRun_ShowsTheDiagramTablesQueuesAndAPath(int width, int height)
    {
        using var gui = new GuiHarness(Lesson("broker-topic-logs.ipl"), width, height);
        gui.Type("x");
        gui.Type(new string(' ', 9));
        gui.Type("]");

        var text = gui.Text;
        Assert.Contains("Broker · x: back to the threads", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Threads", text, StringComparison.Ordinal);
        GoldenFile.Check($"gui-broker-topic-logs-{width}x{height}", text);
    }

    [Fact]
    public void KeyX_Again_ShowsTheThreadsAndObjectsAgain()
    {
        using var gui = new GuiHarness(Lesson("broker-topic-logs.ipl"), 120, 40);
        gui.Type("xx");

        Assert.Contains("Threads", gui.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Broker · x", gui.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void KeyX_ProgramWithoutABroker_SaysSoAndKeepsThePanels()
    {
        using var gui = new GuiHarness(Lesson("bounded-buffer.ipl"), 120, 40);
        gui.Type("x");

        Assert.Contains("this program has no broker", gui.Text, StringComparison.Ordinal);
        Assert.Contains("Threads", gui.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Enter_OnAHopOfThePath_GoesToItsStepAndKeepsTheHopsAfterIt()
    {
        var state = Lesson("broker-topic-logs.ipl");
        using var gui = new GuiHarness(state, 120, 40);
        gui.Type("x" + new string(' ', 9) + "]");
        gui.Press(Key.CursorDown);
        gui.Press(Key.CursorDown);

        gui.Press(Key.Enter);

        Assert.Equal(4, state.Session!.Kernel.StepCount);
        Assert.Equal(1, gui.Screen.BrokerPane.Hop);
        Assert.Contains("› step 4    rabbit routes \"disk failure\"", gui.Text, StringComparison.Ordinal);
        Assert.Contains("step 1    logger publishes \"disk failure\"", gui.Text, StringComparison.Ordinal);
        Assert.Contains("step 4    rabbit routes \"disk failure\" (key \"kern.error\") from logs into kernel", gui.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("]")]
    public void Enter_WithNoHopSelected_RunsNoThreadAndSaysWhatEnterDoesHere(string chooseMessage)
    {
        var state = Lesson("broker-topic-logs.ipl");
        using var gui = new GuiHarness(state, 120, 40);
        gui.Type("x" + new string(' ', 3) + chooseMessage);

        gui.Press(Key.Enter);

        Assert.Equal(3, state.Session!.Kernel.StepCount);
        Assert.Equal(-1, gui.Screen.BrokerPane.Hop);
        Assert.Contains("Enter goes to its step", state.Status, StringComparison.Ordinal);
        Assert.Contains("Broker · x: back to the threads", gui.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Click_OnAMessageThenOnAHop_OpensItsPathAndGoesToTheStep()
    {
        var state = Lesson("broker-topic-logs.ipl");
        using var gui = new GuiHarness(state, 120, 40);
        gui.Type("x" + new string(' ', 9));
        var (column, row) = gui.Find("\"mailbox full\" mail.error · ready in errors");

        gui.Click(column, row);
        Assert.Equal(2, gui.Screen.BrokerPane.Message);
        var (hopColumn, hopRow) = gui.Find("logger publishes \"mailbox full\"");
        gui.Click(hopColumn, hopRow);

        Assert.Equal(5, state.Session!.Kernel.StepCount);
        Assert.Contains("Path of ●2 \"mailbox full\"", gui.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void KeyX_AfterAClickOnAnEventThatMovedAMessage_OpensThatMessagesPath()
    {
        var state = Lesson("broker-topic-logs.ipl");
        using var gui = new GuiHarness(state, 120, 40);
        gui.Type(new string(' ', 9));
        var (column, row) = gui.Find("logger publishes \"mailbox full\"");
        gui.Click(column, row);
        Assert.Equal(5, state.Session!.Kernel.StepCount);

        gui.Type("x");

        Assert.Equal(2, gui.Screen.BrokerPane.Message);
        Assert.Contains("Path of ●2 \"mailbox full\"", gui.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Wheel_DownOverASmallPage_ScrollsToTheQueuesAndBackUp()
    {
        using var gui = new GuiHarness(Lesson("broker-topic-logs.ipl"), 100, 30);
        gui.Type("x" + new string(' ', 9));
        Assert.DoesNotContain("kernlog manual acks", gui.Text, StringComparison.Ordinal);

        for (var i = 0; i < 12; i++)
        {
            gui.Wheel(40, 10, MouseFlags.WheeledDown);
        }

        Assert.Contains("kernlog manual acks", gui.Text, StringComparison.Ordinal);
        Assert.Contains("lines above (wheel up)", gui.Text, StringComparison.Ordinal);
        for (var i = 0; i < 12; i++)
        {
            gui.Wheel(40, 10, MouseFlags.WheeledUp);
        }

        Assert.Contains("Topology · ●N", gui.Text, StringComparison.Ordinal);
    }
}
