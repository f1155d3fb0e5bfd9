using IpcLab.Fuzz;

namespace IpcLab.Core.Tests.Fuzz;

/// <summary>The known-crash filter lets through only the crashes it lists, by exception and frame, never a new one.</summary>
public sealed class KnownCrashesTests
{
    private static readonly FuzzInput Input = new(FuzzKind.SavedRun, 1, "lost-update", "{}");

    [Fact]
    public void Category_NonStringEventInSavedRun_IsKnown()
    {
        var log = "System.InvalidOperationException: The requested operation requires an element of type 'String', but the target element has type 'Number'.\n"
            + "   at IpcLab.Core.Persistence.SavedRun.Parse(String file, String json)\n";

        Assert.Equal("non-string events in saved runs", KnownCrashes.Category(Input, Crash(log)));
    }

    [Fact]
    public void Category_SameExceptionFromAnotherFrame_IsNew()
    {
        var log = "System.InvalidOperationException: The requested operation requires an element of type 'String', but the target element has type 'Number'.\n"
            + "   at IpcLab.RunVerb.Execute(Options opt, CliContext context)\n";

        Assert.Null(KnownCrashes.Category(Input, Crash(log)));
    }

    [Fact]
    public void Category_CrashWithoutACrashLog_IsNew() =>
        Assert.Null(KnownCrashes.Category(Input, Crash(null) with { Exit = 134 }));

    private static FuzzResult Crash(string? log) => new(FuzzOutcome.Crash, 70, ["run"], "ipclab: internal error (x)", "exit code 70", log);
}
