using IpcLab.Core.Objects.ProcessedIds;

namespace IpcLab.Core.Runtime;

// Read-only questions about the idempotence objects, for views, reports and tests.
public sealed partial class Kernel
{
    /// <summary>The ids a table of processed ids has recorded, in the order they were recorded.</summary>
    public long[] ProcessedIds(int tableId)
    {
        var cells = ProcessedIdsModule.CellsOf(this, Program.Objects[tableId]);
        var ids = new long[cells.Count];
        for (var i = 0; i < ids.Length; i++)
        {
            ids[i] = cells[i];
        }

        return ids;
    }
}
