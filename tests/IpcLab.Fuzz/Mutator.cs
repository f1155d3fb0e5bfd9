using System.Text;
using IpcLab.Core.Scheduling;

namespace IpcLab.Fuzz;

/// <summary>
/// Makes mutants of a script: deletes, duplicates or swaps lines, flips characters, changes a
/// line's indentation or a number in it (one to three of these each time). The same seed always
/// gives the same mutant of the same text. Saved runs are mutated by <see cref="JsonMutator"/>,
/// which uses this for the script inside them.
/// </summary>
public sealed class Mutator(ulong seed)
{
    /// <summary>Characters a flip writes: the language's punctuation, digits, a tab, a quote, a brace, non-ASCII letters, half a surrogate pair.</summary>
    private const string Flips = "\":{}()#\\\t-+*/=<>,.019az_ é☃'[]!|&%\uD800";

    /// <summary>Numbers a number change writes: the edges of every limit the language and the kernel have.</summary>
    private static readonly string[] Numbers =
    [
        "0", "1", "-1", "2", "3", "7", "16", "17", "31", "32", "33", "62", "63", "64", "65", "100", "255", "1000", "65536",
        "2147483647", "2147483648", "4294967296", "9223372036854775807", "9223372036854775808", "-9223372036854775808",
        "99999999999999999999",
    ];

    /// <summary>The same edges as 64-bit numbers, for values in saved runs.</summary>
    private static readonly long[] Edges = [0, 1, -1, 2, 31, 32, 63, 64, 65, 65536, int.MaxValue, int.MaxValue + 1L, long.MaxValue, long.MinValue];

    public SeededRandom Random { get; } = new(seed);

    /// <summary>One to three mutations of <paramref name="text"/>.</summary>
    public string Script(string text)
    {
        var lines = new List<string>(text.Split('\n'));
        var count = 1 + Random.Next(3);
        for (var i = 0; i < count; i++)
        {
            MutateOnce(lines);
        }

        return string.Join('\n', lines);
    }

    /// <summary>A small change to a string value (a thread name, an event sentence): a flip, a deletion or a duplication.</summary>
    public string Word(string text)
    {
        if (text.Length == 0)
        {
            return Flips[Random.Next(Flips.Length)].ToString();
        }

        var at = Random.Next(text.Length);
        return Random.Next(3) switch
        {
            0 => text[..at] + Flips[Random.Next(Flips.Length)] + text[(at + 1)..],
            1 => text.Remove(at, 1),
            _ => text + text,
        };
    }

    /// <summary>A number from the interesting list, as script text.</summary>
    public string Number() => Numbers[Random.Next(Numbers.Length)];

    /// <summary>An interesting 64-bit number.</summary>
    public long Edge() => Edges[Random.Next(Edges.Length)];

    private void MutateOnce(List<string> lines)
    {
        // Number changes are weighted up: they keep a mutant compiling more often than the
        // others do, so it runs and reaches the kernel's edges (counts, capacities, timeouts).
        var at = Random.Next(lines.Count);
        switch (Random.Next(9))
        {
            case 0 when lines.Count > 1:
                lines.RemoveAt(at);
                break;
            case 1:
                lines.Insert(at, lines[at]);
                break;
            case 2:
                var other = Random.Next(lines.Count);
                (lines[at], lines[other]) = (lines[other], lines[at]);
                break;
            case 3:
                lines[at] = Word(lines[at]);
                break;
            case 4:
                lines[at] = Reindent(lines[at]);
                break;
            default:
                lines[at] = ChangeNumber(lines[at]);
                break;
        }
    }

    /// <summary>Adds or removes up to four spaces at the start of a line, or puts a tab in its indentation.</summary>
    private string Reindent(string line)
    {
        var indent = line.Length - line.TrimStart(' ').Length;
        return Random.Next(3) switch
        {
            0 => new string(' ', 1 + Random.Next(4)) + line,
            1 => line[Math.Min(indent, 1 + Random.Next(4))..],
            _ => "\t" + line.TrimStart(' '),
        };
    }

    /// <summary>Replaces one number of the line with an interesting one, or appends one when the line has none.</summary>
    private string ChangeNumber(string line)
    {
        var starts = new List<int>();
        for (var i = 0; i < line.Length; i++)
        {
            if (char.IsAsciiDigit(line[i]) && (i == 0 || !char.IsAsciiDigit(line[i - 1])))
            {
                starts.Add(i);
            }
        }

        if (starts.Count == 0)
        {
            return line + " " + Number();
        }

        var start = starts[Random.Next(starts.Count)];
        var end = start;
        while (end < line.Length && char.IsAsciiDigit(line[end]))
        {
            end++;
        }

        return new StringBuilder(line).Remove(start, end - start).Insert(start, Number()).ToString();
    }
}
