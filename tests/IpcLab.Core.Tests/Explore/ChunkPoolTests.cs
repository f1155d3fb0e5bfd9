using FsCheck;
using FsCheck.Fluent;
using IpcLab.Core.Explore;

namespace IpcLab.Core.Tests.Explore;

public class ChunkPoolTests
{
    [Fact]
    public void Take_AfterReturn_GivesTheSameChunkBackOnlyForItsSize()
    {
        var pool = new ChunkPool();
        var chunk = pool.Take(4096);
        pool.Return(chunk);

        Assert.NotSame(chunk, pool.Take(8192));
        Assert.Same(chunk, pool.Take(4096));
        Assert.NotSame(chunk, pool.Take(4096));
    }

    [Fact]
    public void DepthBuckets_ManyDepthsSharingReusedChunks_GiveEveryStateBackWithItsOwnCells()
    {
        // Each depth's queue starts small and fills several chunks that go back to one pool and are
        // written again by later depths: a state read back must never show another's old bytes.
        Prop.ForAll(Gen.Choose(1, 40).ToArbitrary(), Gen.Choose(1, 3000).ToArbitrary(), (depths, perDepth) =>
        {
            var buckets = new DepthBuckets(4);
            var state = new long[4];
            var id = 0;
            for (var depth = 0; depth < depths; depth++)
            {
                for (var i = 0; i < perDepth; i++, id++)
                {
                    buckets.Enqueue(id, depth, Cells(id));
                }

                // Half of this depth is taken before the next is queued; the rest after.
                for (var i = 0; i < perDepth / 2; i++)
                {
                    Assert.True(buckets.TryDequeue(state, out var taken, out _));
                    Assert.Equal(Cells(taken), state);
                }
            }

            var expected = id - (depths * (perDepth / 2));
            Assert.Equal(expected, buckets.Count);
            var previous = -1;
            while (buckets.TryDequeue(state, out var taken, out _))
            {
                Assert.True(taken > previous);
                Assert.Equal(Cells(taken), state);
                previous = taken;
            }
        }).QuickCheckThrowOnFailure();
    }

    private static long[] Cells(int n) => [n, -n, (long)n << 40, long.MaxValue - n];
}
