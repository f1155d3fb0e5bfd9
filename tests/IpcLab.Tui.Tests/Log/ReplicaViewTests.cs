using IpcLab.Tui.Tests.Views;

namespace IpcLab.Tui.Tests.Log;

/// <summary>A replicated topic's rows: its replication in the title, the high-water mark among the offsets, and each replica's log end, the leader and the ISR.</summary>
public sealed class ReplicaViewTests
{
    private const string Program = """
        topic orders retain 8 replicas 3 minisr 2
        consumers billing on orders

        thread shop:
            produce orders, "o1", acks(1)
            produce orders, "o2", acks(1)
            pass
        """;

    [Fact]
    public void Topic_OneFollowerCopiedOneRecord_ShowsTheMarkBelowItAndEachReplicasEnd()
    {
        var state = TuiScenarios.FromText("repl.ipl", Program);
        TuiScenarios.Run(state.Session!, 0, 2);
        TuiScenarios.Run(state.Session!, 2, 1);
        TuiScenarios.Run(state.Session!, 3, 1);

        var text = FrameRenderer.Render(state, 180, 48);

        Assert.Contains("topic orders: 1 partition · retain 8 · produced 2 · replicas 3 · minisr 2", text);
        Assert.Contains("p0 0:\"o1\" ┊hwm 1:\"o2\" │end 2", text);
        Assert.Contains("replicas: orders-1 leader end 2 · orders-2 end 1 · orders-3 end 1 · ISR {1,2,3} · epoch 0", text);
        }

    [Fact]
    public void Topic_LeaderCrashedBeforeTheFollowersCopied_ShowsTheNewLeaderAndTheDeadReplica()
    {
        var state = TuiScenarios.FromText("repl.ipl", Program);
        TuiScenarios.Run(state.Session!, 0, 2);
        TuiScenarios.Run(state.Session!, 2, 1);
        TuiScenarios.Run(state.Session!, 3, 1);
        Assert.Null(state.Session!.InjectProcessCrash(1));

        var text = FrameRenderer.Render(state, 180, 48);

        Assert.Contains("p0 0:\"o1\" ┊hwm │end 1", text);
        Assert.Contains("replicas: orders-1 down (end 2) · orders-2 leader end 1 · orders-3 end 1 · ISR {2,3} · epoch 1", text);
    }

    [Fact]
    public void Topic_CrashedBrokerRestartedButNotCaughtUp_ShowsItOutOfSyncNotDown()
    {
        var state = TuiScenarios.FromText("repl.ipl", Program);
        TuiScenarios.Run(state.Session!, 0, 2);
        TuiScenarios.Run(state.Session!, 2, 1);
        TuiScenarios.Run(state.Session!, 3, 1);
        Assert.Null(state.Session!.InjectProcessCrash(1));
        TuiScenarios.Run(state.Session!, 1, 1);

        var text = FrameRenderer.Render(state, 180, 48);

        var line = text.Split('\n').Single(l => l.Contains("replicas: ", StringComparison.Ordinal));
        var replicas = line[line.IndexOf("replicas: ", StringComparison.Ordinal)..].TrimEnd(' ', '│');
        Assert.StartsWith("replicas: orders-1 out of sync (end 1) · orders-2 leader end 1 · orders-3 end 1 · ISR {2,3}", replicas);
    }
}
