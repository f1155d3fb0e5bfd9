using System.Globalization;

namespace IpcLab.Benchmarks;

/// <summary>
/// The bounded buffer the explorer is measured on (and that SPIN was measured on): P producers and
/// C consumers around one mutex and two condition variables, capacity B, K items per producer
/// (the consumers take P*K/C each). Written as "P2C2B2K3".
/// </summary>
public static class BoundedBufferFamily
{
    public static string Text(string name)
    {
        var (p, c, b, k) = Parse(name);
        return string.Create(CultureInfo.InvariantCulture, $$"""
            queue buffer capacity {{b}}
            mutex m
            cond notFull, notEmpty

            thread producer * {{p}}:
                for i in 1..{{k}}:
                    lock m
                    while full(buffer):
                        wait notFull, m
                    put buffer, i
                    signal notEmpty
                    unlock m

            thread consumer * {{c}}:
                repeat {{p * k / c}}:
                    lock m
                    while empty(buffer):
                        wait notEmpty, m
                    take buffer -> job
                    signal notFull
                    unlock m

            expect empty(buffer), "every item put was taken"
            """);
    }

    private static (int P, int C, int B, int K) Parse(string name)
    {
        int At(char letter)
        {
            var start = name.IndexOf(letter, StringComparison.Ordinal) + 1;
            var end = start;
            while (end < name.Length && char.IsDigit(name[end]))
            {
                end++;
            }

            return int.Parse(name.AsSpan(start, end - start), CultureInfo.InvariantCulture);
        }

        return (At('P'), At('C'), At('B'), At('K'));
    }
}
