using FsCheck;
using FsCheck.Fluent;
using IpcLab.Core.Explore;

namespace IpcLab.Core.Tests.Explore;

public class StateQueueTests
{
    [Fact]
    public void Dequeue_AnyMixOfEnqueuesAndDequeues_GivesTheStatesBackInOrder()
    {
        // true = enqueue the next state, false = dequeue one; the buffer wraps and grows on the way.
        Prop.ForAll(ArbMap.Default.ArbFor<bool[]>(), ops =>
        {
            var queue = new StateQueue(stateSize: 3);
            var model = new Queue<int>();
            var next = 0;
            var state = new long[3];
            foreach (var op in ops.Concat(Enumerable.Repeat(true, 2500)).Concat(Enumerable.Repeat(false, 1200)))
            {
                if (op)
                {
                    queue.Enqueue(next, depth: next % 7, [next, -next, next * 2L]);
                    model.Enqueue(next++);
                }
                else if (model.Count > 0)
                {
                    var expected = model.Dequeue();
                    var (id, depth) = queue.Dequeue(state);
                    Assert.Equal((expected, expected % 7), (id, depth));
                    Assert.Equal([expected, -expected, expected * 2L], state);
                }

                Assert.Equal(model.Count, queue.Count);
            }
        }).QuickCheckThrowOnFailure();
    }
}
