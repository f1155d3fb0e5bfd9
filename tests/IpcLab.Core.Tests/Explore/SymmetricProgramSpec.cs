using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace IpcLab.Core.Tests.Explore;

/// <summary>
/// A generated program for the explorer's reductions: one mutex, one condition variable, a queue
/// of capacity 1 and a shared counter, and one or two blocks of threads (<c>thread wN * COUNT</c>,
/// so their threads are interchangeable), each repeating a few lines drawn from a menu that mixes
/// correct locking with misuse. Many of them fault, deadlock or fail a check: the reductions must
/// find exactly what the full search finds.
/// </summary>
public sealed record SymmetricProgramSpec(IReadOnlyList<(int Count, int Repeats, IReadOnlyList<int> Lines)> Blocks)
{
    private static readonly string[] Menu =
    [
        "lock m",
        "unlock m",
        "x = x + 1",
        "put q, 1",
        "take q -> v",
        "signal c",
        "broadcast c",
        "wait c, m",
        "v = size(q)",
        "assert x < 3, \"x reached 3\"",
        "if full(q):\n            take q -> v",
        "lock m\n        while empty(q):\n            wait c, m\n        take q -> v\n        unlock m",
        "lock m\n        if full(q):\n            wait c, m\n        put q, 2\n        signal c\n        unlock m",
    ];

    public static Arbitrary<SymmetricProgramSpec> Arbitrary() => Arb.From(Generator());

    private static Gen<SymmetricProgramSpec> Generator() =>
        from blocks in Gen.Choose(1, 2)
        from list in BlockGen().ListOf(blocks)
        where list.Sum(b => b.Count) <= 4
        select new SymmetricProgramSpec(list.ToArray());

    private static Gen<(int Count, int Repeats, IReadOnlyList<int> Lines)> BlockGen() =>
        from count in Gen.Choose(1, 3)
        from repeats in Gen.Choose(1, 2)
        from length in Gen.Choose(1, 3)
        from lines in Gen.Choose(0, Menu.Length - 1).ListOf(length)
        select (count, repeats, (IReadOnlyList<int>)lines.ToArray());

    public string ToScript()
    {
        var sb = new StringBuilder("mutex m\ncond c\nqueue q capacity 1\nshared x = 0\n");
        for (var b = 0; b < Blocks.Count; b++)
        {
            var (count, repeats, lines) = Blocks[b];
            sb.Append(CultureInfo.InvariantCulture, $"\nthread w{b} * {count}:\n    repeat {repeats}:\n");
            foreach (var line in lines)
            {
                sb.Append("        ").Append(Menu[line]).Append('\n');
            }
        }

        sb.Append("\nexpect x < 4, \"x stays under 4\"\n");
        return sb.ToString();
    }

    /// <summary>
    /// The same blocks, each written twice as two processes alike (<c>process pN</c> and
    /// <c>process qN</c>, their threads <c>aN</c> and <c>bN</c>): the symmetry reduction may swap
    /// the threads of the two copies.
    /// </summary>
    public string ToProcessScript()
    {
        var sb = new StringBuilder("mutex m\ncond c\nqueue q capacity 1\nshared x = 0\n");
        for (var b = 0; b < Blocks.Count; b++)
        {
            var (count, repeats, lines) = Blocks[b];
            foreach (var (process, thread) in new[] { ("p", "a"), ("q", "b") })
            {
                sb.Append(CultureInfo.InvariantCulture, $"\nprocess {process}{b}:\n    thread {thread}{b}{(count > 1 ? $" * {count}" : "")}:\n        repeat {repeats}:\n");
                foreach (var line in lines)
                {
                    sb.Append("            ").Append(Menu[line].Replace("\n", "\n    ", StringComparison.Ordinal)).Append('\n');
                }
            }
        }

        sb.Append("\nexpect x < 4, \"x stays under 4\"\n");
        return sb.ToString();
    }

    public override string ToString() => "\n" + ToScript();
}
