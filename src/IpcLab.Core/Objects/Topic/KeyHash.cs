namespace IpcLab.Core.Objects.Topic;

/// <summary>
/// The partitioner a learner can follow by hand: a key's hash is the sum of its characters' codes,
/// and its partition that hash modulo the partition count ("ab" = 97 + 98 = 195, 195 mod 2 = 1).
/// Kafka hashes the key's bytes with murmur2 the same way: one key, one partition, always.
/// </summary>
public static class KeyHash
{
    public static long Of(string key)
    {
        long sum = 0;
        foreach (var c in key)
        {
            sum += c;
        }

        return sum;
    }

    public static int Partition(string key, int partitions) => (int)(Of(key) % partitions);
}
