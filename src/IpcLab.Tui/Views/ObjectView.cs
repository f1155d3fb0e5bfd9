using IpcLab.Core.Model;
using IpcLab.Core.Runtime;

namespace IpcLab.Tui.Views;

/// <summary>How one kind of object is drawn in the objects panel: its lines, a pure function of the kernel's state, the last step's changes and the width.</summary>
/// <param name="Kind">The kind it draws.</param>
/// <param name="Word">The short word in front of each object's name ("sem", "queue").</param>
/// <param name="Add">Appends the lines of one object.</param>
internal sealed record ObjectView(ObjectKind Kind, string Word, Action<Kernel, ObjectInfo, StepChanges, int, List<string>> Add);
