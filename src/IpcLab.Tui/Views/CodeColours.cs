using System.Text;
using IpcLab.Core.Script;

namespace IpcLab.Tui.Views;

/// <summary>
/// Syntax colouring of one line of a script: keywords, strings, numbers and comments. It reads a
/// line on its own, not the file, so a listing cut to a window or folded colours the same; a
/// string cut by the panel's edge is coloured to the end.
/// </summary>
internal static class CodeColours
{
    public const string Keyword = "bold blue";
    public const string String = "cyan";
    public const string Number = "cyan";
    public const string Comment = "grey italic";

    /// <summary>The line as pieces, each of one kind; together they are the line.</summary>
    public static List<(string Text, CodeTokenKind Kind)> Tokens(string line)
    {
        var tokens = new List<(string Text, CodeTokenKind Kind)>();
        var plain = new StringBuilder();
        var i = 0;
        while (i < line.Length)
        {
            var c = line[i];
            var start = i;
            CodeTokenKind kind;
            if (c == '#')
            {
                i = line.Length;
                kind = CodeTokenKind.Comment;
            }
            else if (c == '"')
            {
                i = StringEnd(line, i);
                kind = CodeTokenKind.String;
            }
            else if (char.IsAsciiDigit(c) && (i == 0 || !IsWordChar(line[i - 1])))
            {
                i = NumberEnd(line, i);
                kind = CodeTokenKind.Number;
            }
            else if (char.IsLetter(c) || c == '_')
            {
                while (i < line.Length && IsWordChar(line[i]))
                {
                    i++;
                }

                kind = ScriptWords.IsKeyword(line[start..i]) ? CodeTokenKind.Keyword : CodeTokenKind.Plain;
            }
            else
            {
                i++;
                kind = CodeTokenKind.Plain;
            }

            if (kind == CodeTokenKind.Plain)
            {
                plain.Append(line, start, i - start);
                continue;
            }

            Flush(tokens, plain);
            tokens.Add((line[start..i], kind));
        }

        Flush(tokens, plain);
        return tokens;
    }

    /// <summary>The line as markup, each piece in its colour.</summary>
    public static string Markup(string line)
    {
        var markup = new StringBuilder();
        foreach (var (text, kind) in Tokens(line))
        {
            markup.Append(TextFit.Styled(text, StyleOf(kind)));
        }

        return markup.ToString();
    }

    public static string? StyleOf(CodeTokenKind kind) => kind switch
    {
        CodeTokenKind.Keyword => Keyword,
        CodeTokenKind.String => String,
        CodeTokenKind.Number => Number,
        CodeTokenKind.Comment => Comment,
        _ => null,
    };

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c == '_';

    /// <summary>Past the closing quote (a quote after a backslash does not close); the line's end when it is not closed.</summary>
    private static int StringEnd(string line, int open)
    {
        for (var i = open + 1; i < line.Length; i++)
        {
            if (line[i] == '\\')
            {
                i++;
            }
            else if (line[i] == '"')
            {
                return i + 1;
            }
        }

        return line.Length;
    }

    /// <summary>Past the digits, and a fraction when a digit follows the dot (<c>1..3</c> is a range, not a decimal).</summary>
    private static int NumberEnd(string line, int i)
    {
        while (i < line.Length && char.IsAsciiDigit(line[i]))
        {
            i++;
        }

        if (i + 1 < line.Length && line[i] == '.' && char.IsAsciiDigit(line[i + 1]))
        {
            i++;
            while (i < line.Length && char.IsAsciiDigit(line[i]))
            {
                i++;
            }
        }

        return i;
    }

    private static void Flush(List<(string Text, CodeTokenKind Kind)> tokens, StringBuilder plain)
    {
        if (plain.Length > 0)
        {
            tokens.Add((plain.ToString(), CodeTokenKind.Plain));
            plain.Clear();
        }
    }
}
