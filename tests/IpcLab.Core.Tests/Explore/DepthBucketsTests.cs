using IpcLab.Core.Explore;

namespace IpcLab.Core.Tests.Explore;

public class DepthBucketsTests
{
    [Fact]
    public void TryDequeue_StatesQueuedAtMixedDepths_LowestDepthFirstThenInOrderQueued()
    {
        var buckets = new DepthBuckets(2);
        buckets.Enqueue(1, 3, [1, 1]);
        buckets.Enqueue(2, 1, [2, 2]);
        buckets.Enqueue(3, 3, [3, 3]);
        buckets.Enqueue(4, 2, [4, 4]);

        var taken = new List<(int, int, long)>();
        var state = new long[2];
        while (buckets.TryDequeue(state, out var id, out var depth))
        {
            taken.Add((id, depth, state[0]));
        }

        Assert.Equal([(2, 1, 2L), (4, 2, 4L), (1, 3, 1L), (3, 3, 3L)], taken);
        Assert.Equal(0, buckets.Count);
    }

    [Fact]
    public void Enqueue_BelowTheDepthLastTaken_Throws()
    {
        var buckets = new DepthBuckets(1);
        buckets.Enqueue(0, 0, [0]);
        buckets.Enqueue(1, 5, [0]);
        buckets.TryDequeue(new long[1], out _, out _);
        buckets.TryDequeue(new long[1], out _, out _);

        Assert.Throws<InvalidOperationException>(() => buckets.Enqueue(2, 4, [0]));
    }
}
