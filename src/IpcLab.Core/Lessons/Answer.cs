namespace IpcLab.Core.Lessons;

/// <summary>
/// A checkpoint's answer as the kernel computed it: the items (thread names, values), whether
/// their order counts, the answer in words and the reason, taken from the state and the events.
/// </summary>
/// <param name="Items">The answer's items; empty for "nobody", "none", "empty".</param>
/// <param name="Ordered">True when the order of the items is part of the answer (a queue, a wait queue).</param>
/// <param name="Text">The answer as shown to the student.</param>
/// <param name="Reason">Why, in the kernel's words.</param>
public sealed record Answer(IReadOnlyList<string> Items, bool Ordered, string Text, string Reason)
{
    private static readonly string[] NoneWords = ["", "nobody", "none", "empty", "nothing", "no one", "-"];

    /// <summary>
    /// True when the student's answer names the same items: separated by commas (or "and"),
    /// in any case, with or without quotes; in the same order when the order counts; "nobody",
    /// "none" or "empty" for no item.
    /// </summary>
    public bool Accepts(string studentAnswer)
    {
        var given = Normalize(studentAnswer);
        var expected = Items.Select(Clean).ToArray();
        if (given.Length == 1 && expected.Length == 1)
        {
            return given[0] == expected[0];
        }

        return Ordered
            ? given.SequenceEqual(expected)
            : given.Order(StringComparer.Ordinal).SequenceEqual(expected.Order(StringComparer.Ordinal));
    }

    private static string[] Normalize(string answer)
    {
        var whole = Clean(answer);
        if (NoneWords.Contains(whole))
        {
            return [];
        }

        return answer.Replace(" and ", ",", StringComparison.OrdinalIgnoreCase)
            .Split(',')
            .Select(Clean)
            .Where(s => s.Length > 0)
            .ToArray();
    }

    private static string Clean(string s) =>
        string.Join(' ', s.Trim().Trim('"', '\'', '`', '.').Trim().ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries));
}
