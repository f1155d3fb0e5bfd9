namespace IpcLab.Core.Explore;

/// <summary>
/// Chunks of bytes a <see cref="StateQueue"/> has read to the end, kept for the next chunk a queue
/// writes: a search queues and takes millions of states a second, and a new chunk each time is a
/// megabyte the runtime clears and the system maps in, page by page, again and again. At most a
/// few chunks of each size are kept; the rest are left to the collector.
/// </summary>
internal sealed class ChunkPool
{
    private const int KeptPerSize = 4;

    private readonly Dictionary<int, Stack<byte[]>> _bySize = [];

    /// <summary>A chunk of <paramref name="length"/> bytes, one given back if there is one (its old bytes still in it).</summary>
    public byte[] Take(int length) =>
        _bySize.TryGetValue(length, out var kept) && kept.Count > 0 ? kept.Pop() : new byte[length];

    /// <summary>Gives back a chunk no queue reads any more.</summary>
    public void Return(byte[] chunk)
    {
        if (!_bySize.TryGetValue(chunk.Length, out var kept))
        {
            _bySize[chunk.Length] = kept = new Stack<byte[]>();
        }

        if (kept.Count < KeptPerSize)
        {
            kept.Push(chunk);
        }
    }
}
