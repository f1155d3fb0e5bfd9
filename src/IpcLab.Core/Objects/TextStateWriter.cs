using System.Globalization;
using System.Text;
using IpcLab.Core.Model;
using IpcLab.Core.Runtime;

namespace IpcLab.Core.Objects;

/// <summary>Writes what a module spells out as text: "count 2", "owner worker-1", "items [1, 2]".</summary>
internal sealed class TextStateWriter(Kernel kernel, StringBuilder sb) : StateWriter
{
    private bool _first = true;

    public override void Label(string label)
    {
        Separate();
        sb.Append(label);
    }

    public override void Int(long value)
    {
        Separate();
        sb.Append(value.ToString(CultureInfo.InvariantCulture));
    }

    public override void Str(long stringId)
    {
        Separate();
        sb.Append(kernel.Format(ValueKind.Str, stringId));
    }

    public override void Value(ValueKind kind, long value)
    {
        Separate();
        sb.Append(kernel.Format(kind, value));
    }

    public override void Thread(long thread)
    {
        Separate();
        sb.Append(thread < 0 ? "none" : kernel.ThreadName((int)thread));
    }

    public override void BeginList(long count)
    {
        Separate();
        sb.Append('[');
        _first = true;
    }

    public override void EndList()
    {
        sb.Append(']');
        _first = false;
    }

    private void Separate()
    {
        if (!_first && sb.Length > 0 && sb[^1] != '[')
        {
            sb.Append(' ');
        }

        _first = false;
    }
}
