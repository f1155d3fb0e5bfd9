namespace IpcLab.Core.Objects.Exchange;

/// <summary>
/// Message headers and binding arguments are written as one string, "format=pdf,type=report":
/// comma-separated name=value pairs, spaces around them ignored. An item without '=' is a name
/// with an empty value.
/// </summary>
public static class HeaderText
{
    public static IReadOnlyList<KeyValuePair<string, string>> Parse(string text)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        foreach (var item in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var eq = item.IndexOf('=', StringComparison.Ordinal);
            pairs.Add(eq < 0 ? new(item, "") : new(item[..eq].Trim(), item[(eq + 1)..].Trim()));
        }

        return pairs;
    }

    /// <summary>
    /// True when the headers match the binding's arguments. As in RabbitMQ, an argument whose name
    /// starts with "x-" is the binding's own setting and is not compared: an x-match all binding with
    /// no other argument matches everything, an x-match any binding with none matches nothing.
    /// </summary>
    public static bool Matches(IReadOnlyList<KeyValuePair<string, string>> arguments, HeadersMatch match, string headers)
    {
        var given = Parse(headers);
        bool Has(KeyValuePair<string, string> a) => given.Any(h => h.Key == a.Key && h.Value == a.Value);
        var compared = arguments.Where(a => !a.Key.StartsWith("x-", StringComparison.Ordinal));
        return match == HeadersMatch.All ? compared.All(Has) : compared.Any(Has);
    }
}
