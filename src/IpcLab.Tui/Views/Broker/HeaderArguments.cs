using IpcLab.Core.Objects.Exchange;

namespace IpcLab.Tui.Views.Broker;

/// <summary>
/// A headers binding matched against a message's headers argument by argument, for the routing
/// table, as a topic pattern is word by word: each argument with ✓ when the message has that
/// header with that value, ✗ and what the message has instead ("absent" when it lacks the header),
/// then how many matched and what x-match asks for:
/// <code>
/// format=pdf ✓ type=report ✗ invoice · x-match all: 1 of 2
/// priority=high ✗ absent type=invoice ✓ · x-match any: 1 of 2
/// </code>
/// The verdict follows the kernel's matcher (<see cref="HeaderText.Matches"/>): all needs every
/// argument (and so matches anything with none), any needs one.
/// </summary>
internal static class HeaderArguments
{
    public static string Explain(Binding binding, string headers)
    {
        var given = HeaderText.Parse(headers);
        var words = new List<string>();
        var matched = 0;
        foreach (var argument in binding.Arguments)
        {
            var has = given.Where(h => h.Key == argument.Key).Select(h => h.Value).ToArray();
            if (has.Contains(argument.Value))
            {
                matched++;
                words.Add($"{argument.Key}={argument.Value} ✓");
            }
            else
            {
                words.Add($"{argument.Key}={argument.Value} ✗ {(has.Length == 0 ? "absent" : string.Join("/", has.Select(v => v.Length == 0 ? "\"\"" : v)))}");
            }
        }

        var mode = binding.Match == HeadersMatch.All ? "all" : "any";
        words.Add($"· x-match {mode}: {matched} of {binding.Arguments.Count}");
        return string.Join(" ", words);
    }
}
