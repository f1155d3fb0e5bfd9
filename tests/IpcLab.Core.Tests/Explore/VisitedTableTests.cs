using FsCheck;
using FsCheck.Fluent;
using IpcLab.Core.Explore;

namespace IpcLab.Core.Tests.Explore;

public class VisitedTableTests
{
    [Fact]
    public void TryGetId_AnyKeysAddedOnce_FindsEachWithItsIdAndNoOther()
    {
        // Keys include 0 and near neighbours; the table grows past its first 1,024 slots on the way.
        Prop.ForAll(ArbMap.Default.ArbFor<ulong[]>(), keys =>
        {
            var table = new VisitedTable();
            var model = new Dictionary<ulong, int>();
            foreach (var key in keys.Concat([0UL, 1UL]).Concat(Enumerable.Range(0, 3000).Select(i => (ulong)i * 0x10000UL)))
            {
                if (model.TryAdd(key, model.Count))
                {
                    table.Add(key, model[key]);
                }
            }

            Assert.Equal(model.Count, table.Count);
            foreach (var (key, id) in model)
            {
                Assert.True(table.TryGetId(key, out var found));
                Assert.Equal(id, found);
            }

            Assert.Equal(model.ContainsKey(0xdeadbeefcafeUL), table.TryGetId(0xdeadbeefcafeUL, out _));
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Add_KeyAlreadyThere_Throws()
    {
        var table = new VisitedTable();
        table.Add(42, 0);

        Assert.Throws<InvalidOperationException>(() => table.Add(42, 1));
    }
}
