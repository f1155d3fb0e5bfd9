using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Numerics;

namespace IpcLab;

/// <summary>
/// Options that take a whole number. A value that is not one is refused with a plain sentence
/// naming the option and what it means ("--at: 'abc' is not a whole number; N is the step to open
/// the run at"), not the parser's default that names a .NET type. Ranges (at least 1, 0 or more)
/// stay with the verbs, which say them in their own words.
/// </summary>
internal static class NumberOption
{
    /// <summary>An option whose value may be absent (null).</summary>
    public static Option<T?> Optional<T>(string name, string helpName, string meaning)
        where T : struct, IBinaryInteger<T>, IMinMaxValue<T> =>
        new(name)
        {
            HelpName = helpName,
            Description = meaning,
            CustomParser = r => Parse<T>(r, name, helpName, meaning),
        };

    /// <summary>An option with a default value when it is not given.</summary>
    public static Option<T> WithDefault<T>(string name, string helpName, string meaning, T defaultValue)
        where T : struct, IBinaryInteger<T>, IMinMaxValue<T> =>
        new(name)
        {
            HelpName = helpName,
            Description = meaning,
            DefaultValueFactory = _ => defaultValue,
            CustomParser = r => Parse<T>(r, name, helpName, meaning) ?? defaultValue,
        };

    private static T? Parse<T>(ArgumentResult result, string name, string helpName, string meaning)
        where T : struct, IBinaryInteger<T>, IMinMaxValue<T>
    {
        var text = result.Tokens.Count == 0 ? "" : result.Tokens[^1].Value;
        if (T.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        var why = text.Length > 0 && text.TrimStart('-', '+').All(char.IsAsciiDigit) && text.Any(char.IsAsciiDigit)
            ? $"is out of range ({T.MinValue} to {T.MaxValue})"
            : "is not a whole number";
        result.AddError($"{name}: '{TerminalText.Visible(text)}' {why}; {helpName} is {meaning}");
        return null;
    }
}
