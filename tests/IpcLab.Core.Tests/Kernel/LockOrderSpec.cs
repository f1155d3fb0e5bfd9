using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace IpcLab.Core.Tests.KernelTests;

/// <summary>
/// A generated program of nested locks: 2–3 mutexes, 2–3 threads; thread i repeats
/// <c>Repeats[i]</c> times: lock the mutexes of <c>Orders[i]</c> in that order, pass, unlock them
/// in reverse. Threads that lock in different orders can deadlock in a cycle.
/// </summary>
public sealed record LockOrderSpec(int Mutexes, IReadOnlyList<int> Repeats, IReadOnlyList<IReadOnlyList<int>> Orders)
{
    public static Arbitrary<LockOrderSpec> Arbitrary() =>
        Arb.From(
            from mutexes in Gen.Choose(2, 3)
            from threads in Gen.Choose(2, 3)
            from repeats in Gen.Choose(1, 2).ListOf(threads)
            from orders in OrderGen(mutexes).ListOf(threads)
            select new LockOrderSpec(mutexes, repeats.ToArray(), orders.ToArray()),
            spec => spec.Shrink());

    private static Gen<IReadOnlyList<int>> OrderGen(int mutexes) =>
        from count in Gen.Choose(1, mutexes)
        from order in Gen.Shuffle(Enumerable.Range(0, mutexes))
        select (IReadOnlyList<int>)order.Take(count).ToArray();

    public string ToScript()
    {
        var sb = new StringBuilder();
        for (var k = 0; k < Mutexes; k++)
        {
            sb.Append($"mutex m{k}\n");
        }

        for (var t = 0; t < Orders.Count; t++)
        {
            sb.Append($"\nthread t{t}:\n    repeat {Repeats[t]}:\n");
            foreach (var k in Orders[t])
            {
                sb.Append($"        lock m{k}\n");
            }

            sb.Append("        pass\n");
            foreach (var k in Orders[t].Reverse())
            {
                sb.Append($"        unlock m{k}\n");
            }
        }

        return sb.ToString();
    }

    public override string ToString() => "\n" + ToScript();

    private IEnumerable<LockOrderSpec> Shrink()
    {
        for (var t = 0; t < Orders.Count && Orders.Count > 1; t++)
        {
            yield return this with
            {
                Repeats = Repeats.Where((_, i) => i != t).ToArray(),
                Orders = Orders.Where((_, i) => i != t).ToArray(),
            };
        }

        for (var t = 0; t < Orders.Count; t++)
        {
            if (Repeats[t] > 1)
            {
                yield return this with { Repeats = Repeats.Select((r, i) => i == t ? 1 : r).ToArray() };
            }

            if (Orders[t].Count > 1)
            {
                var shorter = Orders[t].Take(Orders[t].Count - 1).ToArray();
                yield return this with { Orders = Orders.Select((o, i) => i == t ? shorter : o).ToArray() };
            }
        }
    }
}
