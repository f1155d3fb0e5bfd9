using FsCheck;
using FsCheck.Fluent;
using IpcLab.Core.Explore;

namespace IpcLab.Core.Tests.Explore;

public class StateQueueTests
{
    [Fact]
    public void Dequeue_AnyMixOfEnqueuesAndDequeues_GivesTheStatesBackInOrder()
    {
        // true = enqueue the next state, false = dequeue one; the sleep sets wrap and grow, the
        // states fill more than one chunk, and cells of every size (the extremes too) go through.
        Prop.ForAll(ArbMap.Default.ArbFor<bool[]>(), ops =>
        {
            var queue = new StateQueue(stateSize: 5);
            var model = new Queue<int>();
            var next = 0;
            var state = new long[5];
            foreach (var op in ops.Concat(Enumerable.Repeat(true, 25_000)).Concat(Enumerable.Repeat(false, 12_000)))
            {
                if (op)
                {
                    queue.Enqueue(next, depth: next % 7, (ulong)next << 3, Cells(next));
                    model.Enqueue(next++);
                }
                else if (model.Count > 0)
                {
                    var expected = model.Dequeue();
                    var (id, depth) = queue.Dequeue(state, out var sleep);
                    Assert.Equal((expected, expected % 7, (ulong)expected << 3), (id, depth, sleep));
                    Assert.Equal(Cells(expected), state);
                }

                Assert.Equal(model.Count, queue.Count);
            }
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void NarrowSleep_QueuedAndExpandedStates_NarrowsOnlyTheQueuedOne()
    {
        var queue = new StateQueue(stateSize: 1);
        var state = new long[1];
        queue.Enqueue(0, 0, 0b111, [7]);
        queue.Enqueue(1, 1, 0b111, [8]);
        queue.Dequeue(state);

        Assert.False(queue.NarrowSleep(0, 0b001));
        Assert.True(queue.NarrowSleep(1, 0b101));
        Assert.True(queue.NarrowSleep(1, 0b110));
        Assert.False(queue.NarrowSleep(2, 0));
        queue.Dequeue(state, out var sleep);
        Assert.Equal(0b100UL, sleep);
    }

    private static long[] Cells(int n) => [n, -n, n * 2L, long.MinValue + n, long.MaxValue - n];
}
