using IpcLab.Conformance.Scenarios;

namespace IpcLab.Conformance;

/// <summary>The comparison itself: a difference is found, reported side by side, and a documented one must be exactly the one seen.</summary>
public sealed class ComparisonTests
{
    private static readonly Outcome Model = new(["publish \"m1\": ack", "drain q: \"m1\"", "drain q: empty"]);
    private static readonly Outcome Rabbit = new(["publish \"m1\": ack", "drain q: \"m1\" redelivered", "drain q: empty"]);

    [Fact]
    public void Differences_OneLineDiffers_ListsExactlyThatLine() =>
        Assert.Equal([("drain q: \"m1\"", "drain q: \"m1\" redelivered")], Comparison.Differences(Model, Rabbit));

    [Fact]
    public void Differences_OneSideLonger_PairsTheRestWithNothing() =>
        Assert.Equal([("(nothing)", "extra")], Comparison.Differences(Model, new Outcome([.. Model.Lines, "extra"])));

    [Fact]
    public void AssertConforms_UndocumentedDifference_FailsWithBothSidesPrinted()
    {
        var error = Assert.ThrowsAny<Exception>(() => Comparison.AssertConforms(new Scenario("s", "a point"), Model, Rabbit));
        var line = error.Message.Split('\n').Single(l => l.StartsWith(" ! ", StringComparison.Ordinal));
        Assert.Equal(("drain q: \"m1\"", "drain q: \"m1\" redelivered"), (line[3..line.IndexOf('|', StringComparison.Ordinal)].TrimEnd(), line[(line.IndexOf('|', StringComparison.Ordinal) + 2)..]));
    }

    [Fact]
    public void AssertConforms_DocumentedDifferenceNoLongerSeen_Fails()
    {
        var scenario = new Scenario("s", "a point") { KnownDifferences = [("drain q: \"m1\"", "drain q: \"m1\" redelivered")] };
        Comparison.AssertConforms(scenario, Model, Rabbit);
        Assert.ThrowsAny<Exception>(() => Comparison.AssertConforms(scenario, Model, Model));
    }
}
