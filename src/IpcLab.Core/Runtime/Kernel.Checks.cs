using IpcLab.Core.Model;

namespace IpcLab.Core.Runtime;

// The final checks read before the run ends, for views that show them as they change.
public sealed partial class Kernel
{
    /// <summary>
    /// What final check <paramref name="index"/> (of <see cref="CompiledProgram.Expectations"/>)
    /// says of the state now, as if the run ended here: whether it holds, or why it cannot be
    /// evaluated (then <c>Held</c> is false). Reads the state only; like the check at the end, it
    /// may intern a string it builds, which changes no state hash (hashes read string contents).
    /// </summary>
    public (bool Held, string? Error) CheckNow(int index)
    {
        var check = Program.Expectations[index];
        try
        {
            return (check.Condition.Eval(new EvalContext(_data, Layout, Strings, -1, 0, 0)) != 0, null);
        }
        catch (ThreadFaultException fault)
        {
            return (false, fault.Message);
        }
    }
}
