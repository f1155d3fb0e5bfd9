using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace IpcLab.Core.Tests.KernelTests;

/// <summary>
/// A generated correct bounded buffer (one mutex, notFull and notEmpty, <c>while</c> around every
/// wait): producers put <see cref="ItemsPerProducer"/> distinct jobs each, and the consumers
/// share the total between them so every job is taken exactly once.
/// </summary>
public sealed record BufferSpec(int Producers, int Consumers, int Capacity, int ItemsPerProducer)
{
    public int TotalItems => Producers * ItemsPerProducer;

    public static Arbitrary<BufferSpec> Arbitrary() =>
        Arb.From(
            from producers in Gen.Choose(1, 3)
            from consumers in Gen.Choose(1, 3)
            from capacity in Gen.Choose(1, 4)
            from items in Gen.Choose(1, 4)
            select new BufferSpec(producers, consumers, capacity, items),
            spec => spec.Shrink());

    /// <summary>How many jobs consumer j (0-based) takes.</summary>
    public int ShareOf(int consumer) => (TotalItems / Consumers) + (consumer < TotalItems % Consumers ? 1 : 0);

    /// <summary>Consumers as declared: <c>consumer * n</c> when the shares are equal, else one block each.</summary>
    public bool EqualShares => TotalItems % Consumers == 0;

    public string ToScript()
    {
        var sb = new StringBuilder();
        sb.Append($"queue buffer capacity {Capacity}\n");
        sb.Append("mutex m\n");
        sb.Append("cond notFull, notEmpty\n");
        sb.Append("shared taken = 0\n\n");
        sb.Append($"thread producer * {Producers}:\n");
        sb.Append($"    for i in 1..{ItemsPerProducer}:\n");
        sb.Append("        lock m\n");
        sb.Append("        while full(buffer):\n");
        sb.Append("            wait notFull, m\n");
        sb.Append("        put buffer, \"job {self}.{i}\"\n");
        sb.Append("        signal notEmpty\n");
        sb.Append("        unlock m\n");
        if (EqualShares)
        {
            AppendConsumer(sb, $"consumer * {Consumers}", TotalItems / Consumers);
        }
        else
        {
            for (var j = 0; j < Consumers; j++)
            {
                AppendConsumer(sb, $"consumer{j + 1}", ShareOf(j));
            }
        }

        sb.Append($"\nexpect taken == {TotalItems}, \"every job is taken\"\n");
        return sb.ToString();
    }

    public override string ToString() => $"{Producers} producers x {ItemsPerProducer} jobs, {Consumers} consumers, capacity {Capacity}:\n{ToScript()}";

    private static void AppendConsumer(StringBuilder sb, string header, int share)
    {
        sb.Append($"\nthread {header}:\n");
        sb.Append($"    repeat {share}:\n");
        sb.Append("        lock m\n");
        sb.Append("        while empty(buffer):\n");
        sb.Append("            wait notEmpty, m\n");
        sb.Append("        take buffer -> job\n");
        sb.Append("        taken = taken + 1\n");
        sb.Append("        signal notFull\n");
        sb.Append("        unlock m\n");
        sb.Append("        print job\n");
    }

    private IEnumerable<BufferSpec> Shrink()
    {
        if (Producers > 1)
        {
            yield return this with { Producers = Producers - 1 };
        }

        if (Consumers > 1)
        {
            yield return this with { Consumers = Consumers - 1 };
        }

        if (ItemsPerProducer > 1)
        {
            yield return this with { ItemsPerProducer = ItemsPerProducer - 1 };
        }

        if (Capacity > 1)
        {
            yield return this with { Capacity = Capacity - 1 };
        }
    }
}
