namespace IpcLab.Core.Objects.Exchange;

/// <summary>
/// Topic matching as RabbitMQ does it: keys and patterns are words separated by dots (an empty
/// word is a word: "a..b" has three), `*` matches exactly one word and `#` zero or more.
/// </summary>
public static class TopicPattern
{
    public static bool Matches(string pattern, string key) => Matches(pattern.Split('.'), key.Split('.'));

    public static bool Matches(ReadOnlySpan<string> pattern, ReadOnlySpan<string> key)
    {
        // Walk both from the front; on `#` remember where it was and how far the key had got, so a
        // mismatch later retries with `#` taking one more word (the classic wildcard backtrack:
        // only the latest `#` needs retrying, as earlier ones can only take fewer words).
        int p = 0, k = 0, starP = -1, starK = 0;
        while (k < key.Length || p < pattern.Length)
        {
            if (p < pattern.Length && pattern[p] == "#")
            {
                starP = p++;
                starK = k;
                continue;
            }

            if (p < pattern.Length && k < key.Length && (pattern[p] == "*" || pattern[p] == key[k]))
            {
                p++;
                k++;
                continue;
            }

            if (starP >= 0 && starK < key.Length)
            {
                p = starP + 1;
                k = ++starK;
                continue;
            }

            return false;
        }

        return true;
    }
}
