using System.Globalization;
using System.Text;

namespace IpcLab;

/// <summary>
/// Text that came from a script (print output, strings in events and findings, file names) as the
/// command prints it: control characters are escaped visibly (ESC as <c>\e</c>, tab as <c>\t</c>,
/// new line as <c>\n</c>, the others as <c>\xHH</c>), so an escape sequence in a string is shown
/// and never obeyed by the terminal, and one step stays one line.
/// </summary>
internal static class TerminalText
{
    public static string Visible(string text)
    {
        if (!text.Any(char.IsControl))
        {
            return text;
        }

        var visible = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            switch (c)
            {
                case '\u001b':
                    visible.Append(@"\e");
                    break;
                case '\t':
                    visible.Append(@"\t");
                    break;
                case '\n':
                    visible.Append(@"\n");
                    break;
                case '\r':
                    visible.Append(@"\r");
                    break;
                case var _ when char.IsControl(c):
                    visible.Append(CultureInfo.InvariantCulture, $@"\x{(int)c:x2}");
                    break;
                default:
                    visible.Append(c);
                    break;
            }
        }

        return visible.ToString();
    }
}
