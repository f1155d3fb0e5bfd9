using IpcLab.Core.Model;

namespace IpcLab.Core.Objects;

/// <summary>
/// Where a module spells out an object's logical state (<see cref="ObjectModule.WriteState"/>).
/// One spelling feeds the hash, the text dump and the tests' logical state, so no part of an
/// object can be left out of one of them: whatever is written here is hashed and shown alike.
/// Write what a learner could tell apart (items oldest first, owners, counts), never counters
/// that only say how much ever passed.
/// </summary>
public abstract class StateWriter
{
    /// <summary>A name for the next values (shown in the text, not hashed: the order of writes is fixed).</summary>
    public abstract void Label(string label);

    public abstract void Int(long value);

    /// <summary>A string by its content, not its id.</summary>
    public abstract void Str(long stringId);

    /// <summary>A thread by id, or -1 for none.</summary>
    public abstract void Thread(long thread);

    /// <summary>Opens a list of <paramref name="count"/> values (the count is part of the state).</summary>
    public abstract void BeginList(long count);

    public abstract void EndList();

    public virtual void Value(ValueKind kind, long value)
    {
        if (kind == ValueKind.Str)
        {
            Str(value);
        }
        else
        {
            Int(value);
        }
    }
}
