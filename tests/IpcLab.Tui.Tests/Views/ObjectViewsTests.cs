using IpcLab.Core.Model;
using IpcLab.Tui.Views;

namespace IpcLab.Tui.Tests.Views;

/// <summary>Every kind of object is drawn by exactly one view of the registry, so a new kind cannot vanish from the objects panel.</summary>
public sealed class ObjectViewsTests
{
    [Fact]
    public void All_EveryObjectKind_HasExactlyOneView()
    {
        foreach (var kind in Enum.GetValues<ObjectKind>())
        {
            Assert.True(ObjectViews.All.Count(v => v.Kind == kind) == 1, $"{kind} has {ObjectViews.All.Count(v => v.Kind == kind)} views in the objects panel");
            Assert.False(string.IsNullOrWhiteSpace(ObjectViews.Of(kind)!.Word));
        }
    }
}
