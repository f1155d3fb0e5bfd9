namespace IpcLab.Tui.Views.Broker;

/// <summary>
/// A topic binding matched against a routing key word by word, for the routing table: which key
/// words each pattern word took (<c>kern.#</c> against <c>kern.disk.full</c>: <c>kern</c> took
/// "kern", <c>#</c> took "disk.full"), or where the match broke. The words follow RabbitMQ's
/// rules as the kernel's matcher does: `*` takes exactly one word, `#` zero or more, an empty
/// word is a word.
/// </summary>
internal static class TopicWords
{
    /// <summary>The alignment of <paramref name="pattern"/> with <paramref name="key"/>: each pattern word with the key words it took, and whether it could.</summary>
    public static TopicMatch Explain(string pattern, string key)
    {
        var p = pattern.Split('.');
        var k = key.Split('.');
        var taken = new int[p.Length];
        if (Align(p, k, 0, 0, taken))
        {
            return new TopicMatch(true, Words(p, k, taken, p.Length, -1));
        }

        // No alignment: show the longest prefix that matches word for word (with `#` taking
        // nothing), then the word where it broke.
        var (pi, ki) = (0, 0);
        Array.Clear(taken);
        while (pi < p.Length && (p[pi] == "#" || (ki < k.Length && (p[pi] == "*" || p[pi] == k[ki]))))
        {
            taken[pi] = p[pi] == "#" ? 0 : 1;
            ki += taken[pi];
            pi++;
        }

        return new TopicMatch(false, Words(p, k, taken, Math.Min(pi + 1, p.Length), pi < p.Length ? pi : -1, ki));
    }

    // Depth-first: `#` tries to take as few words as it can first, so the alignment shown is the
    // one a reader finds by hand; any alignment proves the match, so the first one found is kept.
    private static bool Align(string[] p, string[] k, int pi, int ki, int[] taken)
    {
        if (pi == p.Length)
        {
            return ki == k.Length;
        }

        if (p[pi] == "#")
        {
            for (var n = 0; ki + n <= k.Length; n++)
            {
                taken[pi] = n;
                if (Align(p, k, pi + 1, ki + n, taken))
                {
                    return true;
                }
            }

            return false;
        }

        taken[pi] = 1;
        return ki < k.Length && (p[pi] == "*" || p[pi] == k[ki]) && Align(p, k, pi + 1, ki + 1, taken);
    }

    private static List<TopicWord> Words(string[] p, string[] k, int[] taken, int count, int broken, int keyAt = 0)
    {
        var words = new List<TopicWord>();
        var ki = 0;
        for (var pi = 0; pi < count; pi++)
        {
            if (pi == broken)
            {
                words.Add(new TopicWord(p[pi], keyAt < k.Length ? [k[keyAt]] : [], false));
                break;
            }

            words.Add(new TopicWord(p[pi], k.Skip(ki).Take(taken[pi]).ToArray(), true));
            ki += taken[pi];
        }

        // Key words left over once the pattern is used up break the match at the end.
        if (broken < 0 && ki < k.Length)
        {
            words.Add(new TopicWord("", k.Skip(ki).ToArray(), false));
        }

        return words;
    }
}
