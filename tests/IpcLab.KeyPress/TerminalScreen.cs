using System.Text;

namespace IpcLab.KeyPress;

/// <summary>
/// Just enough of a terminal to read a frame off the bytes a full-screen program writes: text,
/// cursor positioning, erasing, and the answers to the queries Terminal.Gui sends at start (its
/// size, CSI 18 t; the device attributes, CSI c; the cursor, CSI 6 n). Colours, modes and every
/// other sequence are read and dropped.
/// </summary>
internal sealed class TerminalScreen
{
    private readonly char[][] _cells;
    private readonly Decoder _utf8 = Encoding.UTF8.GetDecoder();
    private readonly StringBuilder _sequence = new();
    private readonly Action<string> _answer;
    private ParseState _state;
    private int _row;
    private int _column;
    private int _savedRow;
    private int _savedColumn;

    /// <param name="answer">Where the answers to the program's queries go (the program's input).</param>
    public TerminalScreen(int columns, int rows, Action<string> answer)
    {
        Columns = columns;
        Rows = rows;
        _answer = answer;
        _cells = [.. Enumerable.Range(0, rows).Select(_ => Enumerable.Repeat(' ', columns).ToArray())];
    }

    public int Columns { get; }

    public int Rows { get; }

    public string Row(int row) => new(_cells[row]);

    /// <summary>Whether some row of the screen holds <paramref name="text"/>.</summary>
    public bool Shows(string text) => _cells.Any(row => new string(row).Contains(text, StringComparison.Ordinal));

    public override string ToString() => string.Join('\n', Enumerable.Range(0, Rows).Select(row => Row(row).TrimEnd()));

    public void Feed(ReadOnlySpan<byte> bytes)
    {
        Span<char> text = stackalloc char[bytes.Length + 4];
        var count = _utf8.GetChars(bytes, text, flush: false);
        foreach (var c in text[..count])
        {
            Feed(c);
        }
    }

    private void Feed(char c)
    {
        switch (_state)
        {
            case ParseState.Text:
                Text(c);
                break;
            case ParseState.Escape:
                Escape(c);
                break;
            case ParseState.EscapeArgument:
                _state = ParseState.Text;
                break;
            case ParseState.Control:
                if (c is >= '@' and <= '~')
                {
                    _state = ParseState.Text;
                    Control(_sequence.ToString(), c);
                }
                else
                {
                    _sequence.Append(c);
                }

                break;
            case ParseState.String:
                // OSC, DCS and APC strings end with BEL or ESC \ (the backslash is dropped as an escape's argument).
                _state = c switch { '\a' => ParseState.Text, '\x1b' => ParseState.EscapeArgument, _ => ParseState.String };
                break;
        }
    }

    private void Text(char c)
    {
        switch (c)
        {
            case '\x1b':
                _state = ParseState.Escape;
                break;
            case '\r':
                _column = 0;
                break;
            case '\n':
                LineFeed();
                break;
            case '\b':
                _column = Math.Max(0, Math.Min(_column, Columns - 1) - 1);
                break;
            case '\t':
                _column = Math.Min(Columns - 1, (_column / 8 + 1) * 8);
                break;
            case < ' ':
            case >= '\uDC00' and <= '\uDFFF':
                // Other controls, and the second half of a character outside the basic plane (one cell).
                break;
            default:
                // A character written in the last column waits there: the wrap happens before the next one.
                if (_column >= Columns)
                {
                    _column = 0;
                    LineFeed();
                }

                _cells[_row][_column++] = c is >= '\uD800' and <= '\uDBFF' ? '?' : c;
                break;
        }
    }

    private void Escape(char c)
    {
        _state = ParseState.Text;
        switch (c)
        {
            case '[':
                _sequence.Clear();
                _state = ParseState.Control;
                break;
            case ']' or 'P' or '_' or '^' or 'X':
                _state = ParseState.String;
                break;
            case '(' or ')' or '*' or '+' or '#' or '%' or ' ':
                _state = ParseState.EscapeArgument;
                break;
            case '7':
                (_savedRow, _savedColumn) = (_row, _column);
                break;
            case '8':
                (_row, _column) = (_savedRow, _savedColumn);
                break;
            case 'M':
                _row = Math.Max(0, _row - 1);
                break;
        }
    }

    private void Control(string parameters, char final)
    {
        var isPrivate = parameters.Length > 0 && parameters[0] is '?' or '>' or '=' or '<';
        var numbers = (isPrivate ? parameters[1..] : parameters).Split(';');
        int At(int index, int fallback) =>
            index < numbers.Length && int.TryParse(numbers[index], out var value) && value > 0 ? value : fallback;

        if (isPrivate)
        {
            return;
        }

        switch (final)
        {
            case 'H' or 'f':
                (_row, _column) = (Math.Min(Rows, At(0, 1)) - 1, Math.Min(Columns, At(1, 1)) - 1);
                break;
            case 'A':
                _row = Math.Max(0, _row - At(0, 1));
                break;
            case 'B':
                _row = Math.Min(Rows - 1, _row + At(0, 1));
                break;
            case 'C':
                _column = Math.Min(Columns - 1, _column + At(0, 1));
                break;
            case 'D':
                _column = Math.Max(0, Math.Min(_column, Columns - 1) - At(0, 1));
                break;
            case 'G':
                _column = Math.Min(Columns, At(0, 1)) - 1;
                break;
            case 'd':
                _row = Math.Min(Rows, At(0, 1)) - 1;
                break;
            case 'J':
                EraseDisplay(At(0, 0));
                break;
            case 'K':
                EraseLine(At(0, 0));
                break;
            case 'X':
                Array.Fill(_cells[_row], ' ', Math.Min(_column, Columns), Math.Min(At(0, 1), Columns - Math.Min(_column, Columns)));
                break;
            case 'c' when At(0, 0) == 0:
                _answer("\x1b[?1;2c");
                break;
            case 'n' when At(0, 0) == 6:
                _answer($"\x1b[{_row + 1};{Math.Min(_column, Columns - 1) + 1}R");
                break;
            case 't' when At(0, 0) == 18:
                _answer($"\x1b[8;{Rows};{Columns}t");
                break;
        }
    }

    private void EraseDisplay(int how)
    {
        var (from, to) = how switch { 0 => (_row + 1, Rows), 1 => (0, _row), _ => (0, Rows) };
        for (var row = from; row < to; row++)
        {
            Array.Fill(_cells[row], ' ');
        }

        if (how is 0 or 1)
        {
            EraseLine(how);
        }
    }

    private void EraseLine(int how)
    {
        var column = Math.Min(_column, Columns - 1);
        var (from, count) = how switch { 0 => (column, Columns - column), 1 => (0, column + 1), _ => (0, Columns) };
        Array.Fill(_cells[_row], ' ', from, count);
    }

    private void LineFeed()
    {
        if (_row < Rows - 1)
        {
            _row++;
            return;
        }

        for (var row = 1; row < Rows; row++)
        {
            _cells[row - 1] = _cells[row];
        }

        _cells[Rows - 1] = Enumerable.Repeat(' ', Columns).ToArray();
    }

    /// <summary>Where the parser is in the byte stream.</summary>
    private enum ParseState
    {
        /// <summary>Printing characters.</summary>
        Text,

        /// <summary>After ESC.</summary>
        Escape,

        /// <summary>After ESC and a character that takes one more (ESC ( B), or the backslash of ESC \.</summary>
        EscapeArgument,

        /// <summary>Inside a control sequence, ESC [ ... final.</summary>
        Control,

        /// <summary>Inside an OSC, DCS or APC string, up to BEL or ESC \.</summary>
        String,
    }
}
