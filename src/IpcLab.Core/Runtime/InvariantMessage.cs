using System.Runtime.CompilerServices;

namespace IpcLab.Core.Runtime;

/// <summary>
/// The message of a kernel invariant, formatted only when the invariant fails. The invariants run
/// after every step for every thread and object, so building each message eagerly (as a plain
/// interpolated string would) made a step cost grow with a large constant per thread.
/// </summary>
[InterpolatedStringHandler]
internal ref struct InvariantMessage
{
    private DefaultInterpolatedStringHandler _text;

    public InvariantMessage(int literalLength, int formattedCount, bool condition, out bool failed)
    {
        failed = !condition;
        _text = failed ? new DefaultInterpolatedStringHandler(literalLength, formattedCount) : default;
    }

    public void AppendLiteral(string value) => _text.AppendLiteral(value);

    public void AppendFormatted<T>(T value) => _text.AppendFormatted(value);

    public override string ToString() => _text.ToStringAndClear();
}
